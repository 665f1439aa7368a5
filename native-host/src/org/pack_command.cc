#include "org/pack_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "org/ed25519.h"
#include "store/file_io.h"
#include "org/key_files.h"
#include "org/org_pack.h"
#include "org/sealed_terms.h"
#include "org/signed_pack.h"
#include "org/trust_list.h"

namespace draftguard::org {
namespace {

namespace json = boost::json;

constexpr char kUsage[] = R"(usage: draftguard pack keygen --out KEYFILE
       draftguard pack sign --key KEYFILE PACK > PACK.signed
       draftguard pack verify --trust PUBKEY [--trust PUBKEY]... [--at TIME] PACK.signed

Organisation packs: rules and lists an organisation pushes to every
DraftGuard, signed with Ed25519 so that hosts refuse altered copies.

  keygen   writes a signing key to KEYFILE (mode 0600) and its public key to
           KEYFILE.pub; put the public key in /etc/draftguard/trust.json or
           the "trustedPackKeys" policy. Never overwrites a file.
  sign     seals the lists marked "seal": true (their terms become keyed
           hashes), checks the pack and prints it signed. PACK may be - .
  verify   checks a signed pack as a host would: trusted key, signature,
           pack contents, issue and expiry dates (at TIME, default now;
           TIME is 2026-11-01 or 2026-11-01T09:30:00Z).

exit status: 0 done (verify: valid), 1 verify refused the pack, 2 usage or
input error.
)";

int Usage(const std::string& problem) {
  std::fprintf(stderr, "draftguard pack: %s\nRun 'draftguard pack --help' for usage.\n", problem.c_str());
  return 2;
}

// --name VALUE / --name=VALUE options, and positionals.
struct Args {
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> positional;
};

bool Parse(std::span<const std::string_view> args, Args* out, std::string* error) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a.starts_with("--")) {
      size_t eq = a.find('=');
      if (eq != std::string_view::npos) {
        out->options.emplace_back(std::string(a.substr(0, eq)), std::string(a.substr(eq + 1)));
      } else if (i + 1 < args.size()) {
        out->options.emplace_back(std::string(a), std::string(args[++i]));
      } else {
        *error = "option " + std::string(a) + " needs a value";
        return false;
      }
    } else {
      out->positional.emplace_back(a);
    }
  }
  return true;
}

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return s;
  }
  return store::ReadSmallFile(path);
}

int Keygen(const Args& a) {
  std::string out;
  for (const auto& [k, v] : a.options) {
    if (k == "--out") out = v;
    else return Usage("keygen: unknown option " + k);
  }
  if (out.empty() || !a.positional.empty()) return Usage("keygen needs --out KEYFILE and nothing else");
  KeyPair kp = GenerateKeyPair();
  Status s = WriteKeyFiles(out, kp);
  if (!s.ok()) {
    std::fprintf(stderr, "draftguard pack keygen: %s\n", s.message().c_str());
    return 2;
  }
  std::printf("wrote %s (secret, keep it safe) and %s.pub\nkey id %s\n", out.c_str(), out.c_str(),
              KeyId(kp.public_key).c_str());
  return 0;
}

int SignCmd(const Args& a) {
  std::string key;
  for (const auto& [k, v] : a.options) {
    if (k == "--key") key = v;
    else return Usage("sign: unknown option " + k);
  }
  if (key.empty() || a.positional.size() != 1) return Usage("sign needs --key KEYFILE and one PACK");
  Result<SecretKey> secret = ReadSecretKeyFile(key);
  if (!secret.ok()) {
    std::fprintf(stderr, "draftguard pack sign: %s\n", secret.status().message().c_str());
    return 2;
  }
  Result<std::string> text = ReadInput(a.positional[0]);
  if (!text.ok()) {
    std::fprintf(stderr, "draftguard pack sign: %s\n", text.status().message().c_str());
    return 2;
  }
  boost::system::error_code ec;
  json::value pack = json::parse(text.value(), ec);
  if (ec) {
    std::fprintf(stderr, "draftguard pack sign: %s is not JSON: %s\n", a.positional[0].c_str(), ec.message().c_str());
    return 2;
  }
  if (pack.is_object() && pack.get_object().contains("draftguard_signed_pack")) {
    std::fprintf(stderr, "draftguard pack sign: %s is already signed\n", a.positional[0].c_str());
    return 2;
  }
  Result<json::value> sealed = SealMarkedLists(pack);
  if (!sealed.ok()) {
    std::fprintf(stderr, "draftguard pack sign: %s\n", sealed.status().ToString().c_str());
    return 2;
  }
  Result<OrgPack> checked = ParseOrgPack(sealed.value(), a.positional[0]);
  if (!checked.ok()) {
    std::fprintf(stderr, "draftguard pack sign: not a valid organisation pack: %s\n",
                 checked.status().ToString().c_str());
    return 2;
  }
  Result<std::string> envelope = SignPack(sealed.value(), secret.value());
  if (!envelope.ok()) {
    std::fprintf(stderr, "draftguard pack sign: %s\n", envelope.status().ToString().c_str());
    return 2;
  }
  std::printf("%s\n", envelope.value().c_str());
  return 0;
}

int VerifyCmd(const Args& a) {
  TrustList trust;
  int64_t at = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
  for (const auto& [k, v] : a.options) {
    if (k == "--trust") {
      Result<TrustList> t = LoadTrustList(v);
      if (!t.ok()) {
        std::fprintf(stderr, "draftguard pack verify: %s\n", t.status().message().c_str());
        return 2;
      }
      trust.Merge(t.value());
    } else if (k == "--at") {
      Result<int64_t> t = ParseUtcTime(v);
      if (!t.ok()) return Usage("--at " + v + " " + t.status().message());
      at = t.value();
    } else {
      return Usage("verify: unknown option " + k);
    }
  }
  if (trust.empty() || a.positional.size() != 1) return Usage("verify needs --trust PUBKEY and one PACK.signed");
  Result<std::string> text = ReadInput(a.positional[0]);
  if (!text.ok()) {
    std::fprintf(stderr, "draftguard pack verify: %s\n", text.status().message().c_str());
    return 2;
  }
  auto refuse = [](Refusal r, const std::string& why) {
    std::printf("refused: %s: %s\n", std::string(RefusalName(r)).c_str(), why.c_str());
    return 1;
  };
  OpenResult opened = OpenSignedPack(text.value(), trust);
  if (!opened.ok()) return refuse(opened.refusal, opened.message);
  Result<OrgPack> pack = ParseOrgPack(opened.verified.pack, a.positional[0]);
  if (!pack.ok()) return refuse(Refusal::kInvalidPack, pack.status().ToString());
  const OrgPack& p = pack.value();
  if (p.issued > at + 300) return refuse(Refusal::kNotYetValid, "issued " + FormatUtcTime(p.issued));
  if (p.expires <= at) return refuse(Refusal::kExpired, "expired " + FormatUtcTime(p.expires));
  size_t lists = 0, sealed = 0;
  for (const auto& [s, l] : p.lists) lists += l.size();
  for (const auto& [s, l] : p.sealed) sealed += l.size();
  std::printf("ok: %s version %lld signed by %s%s%s%s, issued %s, expires %s; %zu rules, %zu lists, %zu sealed lists\n",
              p.id.c_str(), static_cast<long long>(p.version), opened.verified.key_id.c_str(),
              opened.verified.key_name.empty() ? "" : " (", opened.verified.key_name.c_str(),
              opened.verified.key_name.empty() ? "" : ")", FormatUtcTime(p.issued).c_str(),
              FormatUtcTime(p.expires).c_str(), p.rules.rules.size(), lists, sealed);
  return 0;
}

}  // namespace

int RunPackCommand(std::span<const std::string_view> args) {
  if (args.empty()) return Usage("which one: keygen, sign or verify?");
  for (std::string_view arg : args) {
    if (arg == "-h" || arg == "--help" || arg == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
  }
  Args a;
  std::string error;
  if (!Parse(args.subspan(1), &a, &error)) return Usage(error);
  if (args[0] == "keygen") return Keygen(a);
  if (args[0] == "sign") return SignCmd(a);
  if (args[0] == "verify") return VerifyCmd(a);
  return Usage("unknown subcommand '" + std::string(args[0]) + "'");
}

}  // namespace draftguard::org
