#include "org/pack_loader.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <boost/json.hpp>

#include "draftguard/engine.h"
#include "draftguard/packs.h"
#include "store/file_io.h"
#include "org/org_state.h"
#include "org/system_paths.h"

namespace draftguard::org {
namespace fs = std::filesystem;

namespace {

constexpr int64_t kClockSkewSeconds = 5 * 60;

struct Candidate {
  std::string source;
  std::string envelope;
};

// A pack that passed steps 1–3 (see the header).
struct Checked {
  OrgPack pack;
  std::string sha256;
  std::string envelope;
  size_t report;  // index into reports
};

// Steps 1–3. Fills `report`; returns the pack if acceptable so far.
std::optional<Checked> Check(const Candidate& c, const TrustList& trust, int64_t now, PackReport* report) {
  report->source = c.source;
  OpenResult opened = OpenSignedPack(c.envelope, trust);
  if (!opened.ok()) {
    // The id a refused envelope claims: for the report and to find the last
    // good copy, which is verified on its own.
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(c.envelope, ec);
    const boost::json::value* pack = !ec && v.is_object() ? v.get_object().if_contains("pack") : nullptr;
    if (!pack && !ec && v.is_object()) pack = &v;  // an unsigned pack
    const boost::json::value* id = pack && pack->is_object() ? pack->get_object().if_contains("id") : nullptr;
    if (id && id->is_string()) report->id = std::string(id->get_string());
    report->refusal = opened.refusal;
    report->message = opened.message;
    return std::nullopt;
  }
  report->key_id = opened.verified.key_id;
  Result<OrgPack> parsed = ParseOrgPack(opened.verified.pack, c.source);
  if (!parsed.ok()) {
    report->refusal = Refusal::kInvalidPack;
    report->message = parsed.status().ToString();
    return std::nullopt;
  }
  OrgPack& pack = parsed.value();
  report->id = pack.id;
  report->version = pack.version;
  report->expires = pack.expires;
  // Rules are compiled now so that a broken one refuses the pack, not just
  // itself. Built-in packs come along for their lexicons.
  std::vector<RulePack> packs(BuiltinPacks().begin(), BuiltinPacks().end());
  packs.push_back(pack.rules);
  std::vector<LoadProblem> problems;
  Engine::Create(Options(), packs, &problems);
  for (const LoadProblem& p : problems) {
    if (p.source != pack.rules.source) continue;
    report->refusal = Refusal::kInvalidPack;
    report->message = "rule " + p.item + ": " + p.message;
    return std::nullopt;
  }
  if (pack.issued > now + kClockSkewSeconds) {
    report->refusal = Refusal::kNotYetValid;
    report->message = "issued " + FormatUtcTime(pack.issued) + ", which is in the future";
    return std::nullopt;
  }
  if (pack.expires <= now) {
    report->refusal = Refusal::kExpired;
    report->message = "expired " + FormatUtcTime(pack.expires);
    return std::nullopt;
  }
  return Checked{std::move(pack), Sha256Hex(opened.verified.canonical), c.envelope, 0};
}

// Step 4.
bool NotDowngrade(const Checked& c, const AcceptedPack* before, PackReport* report) {
  if (!before) return true;
  if (c.pack.version < before->version) {
    report->refusal = Refusal::kDowngrade;
    report->message = "version " + std::to_string(c.pack.version) + " is older than version " +
                      std::to_string(before->version) + ", accepted before";
    return false;
  }
  if (c.pack.version == before->version && !before->sha256.empty() && c.sha256 != before->sha256) {
    report->refusal = Refusal::kDowngrade;
    report->message = "version " + std::to_string(c.pack.version) +
                      " differs from the version " + std::to_string(before->version) +
                      " accepted before; a changed pack needs a higher version";
    return false;
  }
  return true;
}

}  // namespace

bool OrgPolicy::has_refusals() const {
  for (const PackReport& r : reports) {
    if (r.refusal != Refusal::kNone) return true;
  }
  return !problems.empty() || !managed.problems.empty();
}

LoaderOptions DefaultLoaderOptions(const fs::path& state_dir) {
  LoaderOptions o;
  o.system_dir = SystemDir();
  o.policy_files = PolicyPaths();
  if (!state_dir.empty()) o.state_dir = state_dir;
  return o;
}

OrgPolicy LoadOrgPolicy(const LoaderOptions& options) {
  OrgPolicy out;
  int64_t now = options.now
                    ? options.now
                    : std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();

  // Trust: the system list, then policy keys.
  Result<TrustList> system_trust = LoadTrustList(options.system_dir / "trust.json");
  if (system_trust.ok()) {
    out.trust = std::move(system_trust).value();
  } else if (system_trust.status().code() != ErrorCode::kNotFound) {
    out.problems.push_back(system_trust.status().message());
  }
  out.managed = ReadManagedPolicy(options.policy_files);
  out.trust.Merge(out.managed.trusted_keys);

  // Candidates: system folder, then policy.
  std::vector<Candidate> candidates;
  fs::path pack_dir = options.system_dir / "packs";
  std::error_code ec;
  if (fs::is_directory(pack_dir, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(pack_dir, ec)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Result<std::string> text = store::ReadSmallFile(f);
      if (!text.ok()) {
        out.reports.push_back({f.string(), "", 0, "", 0, false, Refusal::kMalformed, text.status().message()});
        continue;
      }
      candidates.push_back({f.string(), std::move(text).value()});
    }
  }
  for (const PolicyPack& p : out.managed.packs) candidates.push_back({p.source, p.envelope});

  std::unique_ptr<OrgState> state;
  if (options.state_dir) {
    std::string problem;
    state = std::make_unique<OrgState>(OrgState::Load(*options.state_dir, &problem));
    if (!problem.empty()) out.problems.push_back(problem);
  }

  // Steps 1–4; the best acceptable candidate per id.
  std::map<std::string, Checked> best;
  std::set<std::string> seen_ids;
  for (const Candidate& c : candidates) {
    PackReport report;
    std::optional<Checked> checked = Check(c, out.trust, now, &report);
    if (!report.id.empty()) seen_ids.insert(report.id);
    if (checked && NotDowngrade(*checked, state ? state->Find(checked->pack.id) : nullptr, &report)) {
      checked->report = out.reports.size();
      auto it = best.find(checked->pack.id);
      if (it == best.end()) {
        best.emplace(checked->pack.id, std::move(*checked));
      } else if (checked->pack.version > it->second.pack.version) {
        PackReport& old = out.reports[it->second.report];
        old.message = "superseded by version " + std::to_string(checked->pack.version) + " from " + c.source;
        it->second = std::move(*checked);
      } else {
        report.message = "superseded by version " + std::to_string(it->second.pack.version) + " from " +
                         out.reports[it->second.report].source;
      }
    }
    out.reports.push_back(std::move(report));
  }

  // The last good pack stays in force for an id whose every file was refused.
  if (state) {
    for (const std::string& id : seen_ids) {
      if (best.count(id)) continue;
      std::optional<std::string> cached = state->CachedEnvelope(id);
      if (!cached) continue;
      PackReport report;
      std::optional<Checked> checked =
          Check({"cache:" + (state->dir() / "org-packs" / (id + ".json")).string(), *cached}, out.trust, now, &report);
      const AcceptedPack* before = state->Find(id);
      if (checked && checked->pack.id == id && before && checked->pack.version == before->version &&
          checked->sha256 == before->sha256) {
        report.message = "the last good version stays in force";
        checked->report = out.reports.size();
        best.emplace(id, std::move(*checked));
      } else if (report.refusal == Refusal::kNone) {
        report.refusal = Refusal::kInvalidPack;
        report.message = "the cached last good pack does not match the remembered state";
      }
      out.reports.push_back(std::move(report));
    }
  }

  // Remember what is in force.
  bool state_changed = false;
  for (auto& [id, c] : best) {
    PackReport& r = out.reports[c.report];
    r.in_force = true;
    if (state && options.remember && !r.source.starts_with("cache:")) {
      const AcceptedPack* before = state->Find(id);
      if (!before || before->version != c.pack.version || before->sha256 != c.sha256) {
        state->Set(id, {c.pack.version, c.sha256, now});
        Status s = state->CacheEnvelope(id, c.envelope);
        if (!s.ok()) out.problems.push_back("cannot keep the last good copy of " + id + ": " + s.message());
        state_changed = true;
      }
    }
    out.packs.push_back(std::move(c.pack));
  }
  if (state && state_changed) {
    Status s = state->Save();
    if (!s.ok()) out.problems.push_back("cannot record accepted pack versions: " + s.message());
  }
  return out;
}

}  // namespace draftguard::org
