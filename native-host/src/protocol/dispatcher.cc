#include "protocol/dispatcher.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include "draftguard/findings_json.h"
#include "draftguard/lists.h"
#include "formats/utf16_offsets.h"
#include "protocol/lists_csv.h"
#include "protocol/wiping_resource.h"

namespace draftguard::protocol {
namespace json = boost::json;

namespace {

// Export chunks start at this size and are halved until their frame fits.
constexpr size_t kExportChunkBytes = 512u << 10;

std::string_view Sv(const json::string& s) { return std::string_view(s.data(), s.size()); }

// Offset of the first byte that does not start a well-formed UTF-8
// sequence, or npos.
size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (int k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// Boost.JSON reports a lone leading surrogate ("\\ud800" then a quote) as a
// plain syntax error; look for the escape near where parsing stopped.
bool NearSurrogateEscape(std::string_view s, size_t at) {
  size_t from = at > 12 ? at - 12 : 0;
  size_t to = std::min(s.size(), at + 6);
  for (size_t i = from; i + 3 < to; ++i) {
    if (s[i] == '\\' && s[i + 1] == 'u' && (s[i + 2] == 'd' || s[i + 2] == 'D') &&
        std::string_view("89abAB").find(s[i + 3]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

json::object Reply(const json::value& id, std::string_view type, json::storage_ptr sp = {}) {
  json::object o(std::move(sp));
  o["id"] = id;
  o["type"] = type;
  return o;
}

json::object FieldError(const json::value& id, const std::string& field, const std::string& message) {
  json::object o = Dispatcher::Error(id, "bad_field", message);
  o["field"] = field;
  return o;
}

json::object FieldError(const json::value& id, const Status& s) {
  return FieldError(id, s.item(), s.message());
}

Status Bad(std::string_view field, std::string what) {
  return Status(ErrorCode::kInvalidArgument, "\"" + std::string(field) + "\" " + what, std::string(field));
}

Result<std::optional<std::string_view>> OptString(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (!v || v->is_null()) return std::optional<std::string_view>();
  if (!v->is_string()) return Bad(name, "must be a string");
  return std::optional<std::string_view>(Sv(v->get_string()));
}

Result<std::string_view> ReqString(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (!v) return Bad(name, "is missing");
  if (!v->is_string()) return Bad(name, "must be a string");
  return Sv(v->get_string());
}

Result<std::optional<uint64_t>> OptUint(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (!v || v->is_null()) return std::optional<uint64_t>();
  if (v->is_uint64()) return std::optional<uint64_t>(v->get_uint64());
  if (v->is_int64() && v->get_int64() >= 0) return std::optional<uint64_t>(static_cast<uint64_t>(v->get_int64()));
  return Bad(name, "must be a non-negative integer");
}

Result<uint64_t> ReqUint(const json::object& o, std::string_view name) {
  if (!o.if_contains(name)) return Bad(name, "is missing");
  Result<std::optional<uint64_t>> r = OptUint(o, name);
  if (!r.ok()) return r.status();
  if (!r.value()) return Bad(name, "must be a non-negative integer");
  return *r.value();
}

Result<std::string> ReqScope(const json::object& o, std::string_view name) {
  Result<std::string_view> d = ReqString(o, name);
  if (!d.ok()) return d.status();
  Result<std::string> scope = NormalizeScope(d.value());
  if (!scope.ok()) return Bad(name, "is not \"*\" or a site such as \"linkedin.com\"");
  return scope;
}

size_t Fingerprint(const std::vector<TermList>& lists) {
  json::array a;
  for (const TermList& l : lists) a.push_back(TermListToJson(l));
  return std::hash<std::string>{}(json::serialize(a));
}

size_t TermCount(const ListsDocument& doc, size_t* list_count) {
  size_t terms = 0;
  *list_count = 0;
  for (const auto& [scope, lists] : doc.domains) {
    *list_count += lists.size();
    for (const TermList& l : lists) terms += l.terms.size();
  }
  return terms;
}

// The "domains" object of a lists document (optionally one scope only).
json::object DomainsJson(const ListsDocument& doc, const std::string* only_scope) {
  ListsDocument part;
  if (only_scope) {
    if (auto it = doc.domains.find(*only_scope); it != doc.domains.end()) part.domains.insert(*it);
  }
  json::value v = ListsDocumentToJson(only_scope ? part : doc);
  if (v.is_object()) {
    if (json::value* d = v.get_object().if_contains("domains"); d && d->is_object()) return d->get_object();
  }
  return {};
}

// Cuts every list's "terms" to at most `keep`, recording "term_count".
bool TrimTerms(json::object& domains, size_t keep) {
  bool cut = false;
  for (auto& [scope, entry] : domains) {
    if (!entry.is_object()) continue;
    json::value* lists = entry.get_object().if_contains("lists");
    if (!lists || !lists->is_array()) continue;
    for (json::value& l : lists->get_array()) {
      if (!l.is_object()) continue;
      json::value* terms = l.get_object().if_contains("terms");
      if (!terms || !terms->is_array() || terms->get_array().size() <= keep) continue;
      l.get_object()["term_count"] = terms->get_array().size();
      terms->get_array().resize(keep);
      cut = true;
    }
  }
  return cut;
}

size_t MaxTerms(const json::object& domains) {
  size_t m = 0;
  for (const auto& [scope, entry] : domains) {
    const json::value* lists = entry.is_object() ? entry.get_object().if_contains("lists") : nullptr;
    if (!lists || !lists->is_array()) continue;
    for (const json::value& l : lists->get_array()) {
      const json::value* terms = l.is_object() ? l.get_object().if_contains("terms") : nullptr;
      if (terms && terms->is_array()) m = std::max(m, terms->get_array().size());
    }
  }
  return m;
}

}  // namespace

const Dispatcher::HandlerEntry Dispatcher::kHandlers[] = {
    {"hello", &Dispatcher::Hello},
    {"analyze", &Dispatcher::Analyze},
    {"lists.get", &Dispatcher::ListsGet},
    {"lists.put", &Dispatcher::ListsPut},
    {"lists.delete", &Dispatcher::ListsDelete},
    {"lists.import", &Dispatcher::ListsImport},
    {"lists.export", &Dispatcher::ListsExport},
    {"settings.get", &Dispatcher::SettingsGet},
    {"settings.put", &Dispatcher::SettingsPut},
    {"stats", &Dispatcher::Stats},
};

Dispatcher::Dispatcher(Engine* engine, store::Store* store, DispatcherOptions options)
    : engine_(engine), store_(store), options_(std::move(options)) {
  if (options_.load_lists) SyncEngine(false);
}

void Dispatcher::AdoptEngine(Engine* engine, std::map<std::string, size_t> applied) {
  engine_ = engine;
  applied_ = std::move(applied);
  lists_loading_ = false;
  if (store_) store_->RefreshLists();
  SyncEngine(false);
}

bool Dispatcher::NeedsLists(const json::value& request) {
  const json::value* type = request.is_object() ? request.get_object().if_contains("type") : nullptr;
  if (!type || !type->is_string()) return false;
  std::string_view t = Sv(type->get_string());
  return t == "analyze" || t.starts_with("lists.");
}

size_t Dispatcher::ListsFingerprint(const std::vector<TermList>& lists) { return Fingerprint(lists); }

json::object Dispatcher::Error(const json::value& id, std::string_view code, std::string_view message) {
  json::object o = Reply(id, "error");
  o["code"] = code;
  o["message"] = message;
  return o;
}

ParsedRequest Dispatcher::Parse(std::string_view payload) {
  ParsedRequest r;
  if (size_t bad = FindInvalidUtf8(payload); bad != std::string_view::npos) {
    r.error = Error(nullptr, "invalid_utf8", "the frame is not valid UTF-8 at byte " + std::to_string(bad));
    return r;
  }
  json::parse_options opts;
  opts.max_depth = kMaxJsonDepth;
  json::parser p(WipingStorage(), opts);  // temporaries
  p.reset(WipingStorage());                // the value itself
  boost::system::error_code ec;
  size_t n = p.write(payload.data(), payload.size(), ec);  // whole input, no trailing data
  if (ec) {
    if (ec == json::error::too_deep) {
      r.error = Error(nullptr, "too_deep", "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    } else if (ec == json::error::illegal_leading_surrogate || ec == json::error::illegal_trailing_surrogate ||
               NearSurrogateEscape(payload, n)) {
      r.error = Error(nullptr, "invalid_utf8", "a \\u escape is a lone UTF-16 surrogate near byte " + std::to_string(n));
    } else {
      r.error = Error(nullptr, "bad_json", "not JSON: " + ec.message() + " near byte " + std::to_string(n));
    }
    return r;
  }
  // Move-construct: assigning to r.request would copy into the default
  // (non-wiping) resource.
  return ParsedRequest{p.release(), {}};
}

json::object Dispatcher::Handle(const json::value& request) {
  ++stats_.requests;
  // Move-constructed, never assigned: a reply built in its own arena
  // (Analyze) would be copied into the heap by an assignment.
  json::object reply = Route(request);
  if (reply["type"] == "error") ++stats_.errors;
  return reply;
}

json::object Dispatcher::Route(const json::value& request) {
  if (!request.is_object()) return Error(nullptr, "bad_request", "a request must be a JSON object");
  const json::object& o = request.get_object();
  const json::value* id = o.if_contains("id");
  const json::value* type = o.if_contains("type");
  if (!id || !(id->is_number() || id->is_string())) {
    return FieldError(nullptr, "id", "\"id\" must be a number or a string");
  }
  if (!type || !type->is_string()) {
    json::object e = Error(*id, "bad_request", "\"type\" must be a string naming the message");
    e["field"] = "type";
    return e;
  }
  for (const HandlerEntry& h : kHandlers) {
    if (h.type == Sv(type->get_string())) return (this->*h.handler)(o);
  }
  json::object e = Error(*id, "unknown_type", "unknown message type \"" + std::string(Sv(type->get_string())) + "\"");
  e["field"] = "type";
  return e;
}

// The serialisation build(k) for the largest k < hi whose size fits in
// max_bytes (build grows with k; build(hi) is known not to fit), by binary
// search; nullopt if even build(0) does not fit.
template <typename Build>
std::optional<std::string> LargestThatFits(size_t hi, size_t max_bytes, const Build& build) {
  std::string best = build(0);
  if (best.size() > max_bytes) return std::nullopt;
  size_t lo = 0;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    std::string s = build(mid);
    if (s.size() <= max_bytes) {
      lo = mid;
      best = std::move(s);
    } else {
      hi = mid;
    }
  }
  return best;
}

std::string Dispatcher::Serialize(const json::object& reply) const {
  std::string out = json::serialize(reply);
  if (out.size() <= options_.max_reply_bytes) return out;
  const json::value& id = reply.contains("id") ? reply.at("id") : json::value();
  const json::value* type = reply.if_contains("type");

  // A result: keep the most severe findings (then the earliest).
  const json::value* findings = reply.if_contains("findings");
  if (type && *type == "result" && findings && findings->is_array()) {
    std::vector<const json::value*> order;
    for (const json::value& f : findings->get_array()) order.push_back(&f);
    auto rank = [](const json::value* f) {
      const json::value* s = f->is_object() ? f->get_object().if_contains("severity") : nullptr;
      auto sev = s && s->is_string() ? ParseSeverity(Sv(s->get_string())) : std::nullopt;
      return sev ? static_cast<int>(*sev) : -1;
    };
    auto start = [](const json::value* f) -> int64_t {
      const json::value* s = f->is_object() ? f->get_object().if_contains("start") : nullptr;
      return s && s->is_number() ? s->to_number<int64_t>() : 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](const json::value* a, const json::value* b) {
      if (rank(a) != rank(b)) return rank(a) > rank(b);
      return start(a) < start(b);
    });
    auto build = [&](size_t k) {
      std::vector<const json::value*> kept(order.begin(), order.begin() + static_cast<ptrdiff_t>(k));
      std::stable_sort(kept.begin(), kept.end(), [&](auto* a, auto* b) { return start(a) < start(b); });
      json::object r(reply, json::storage_ptr());  // on the heap: the reply's arena would keep every try
      json::array arr;
      for (const json::value* f : kept) arr.push_back(*f);
      r["findings"] = std::move(arr);
      r["truncated"] = true;
      return json::serialize(r);
    };
    if (auto best = LargestThatFits(order.size(), options_.max_reply_bytes, build)) return *best;
  }

  // Lists (a lists reply or a conflict): cut the term arrays.
  const json::value* domains = reply.if_contains("domains");
  if (domains && domains->is_object()) {
    auto build = [&](size_t keep) {
      json::object r(reply, json::storage_ptr());
      TrimTerms(r["domains"].get_object(), keep);
      r["truncated"] = true;
      return json::serialize(r);
    };
    if (auto best = LargestThatFits(MaxTerms(domains->get_object()), options_.max_reply_bytes, build))
      return *best;
  }
  return json::serialize(Error(id, "too_large", "the reply would exceed the host's 1 MiB frame limit"));
}

std::string Dispatcher::HandleFrame(std::string_view payload) {
  ParsedRequest p = Parse(payload);
  if (!p.ok()) {
    ++stats_.requests;
    ++stats_.errors;
    return Serialize(p.error);
  }
  return Serialize(Handle(p.request));
}

bool Dispatcher::IsAnalyze(const json::value& request, std::string* editor) {
  if (!request.is_object()) return false;
  const json::object& o = request.get_object();
  const json::value* type = o.if_contains("type");
  if (!type || *type != "analyze") return false;
  const json::value* e = o.if_contains("editor");
  if (!e || e->is_null()) {
    editor->clear();
  } else if (e->is_string()) {
    editor->assign(Sv(e->get_string()));
  } else {
    *editor = json::serialize(*e);  // numbers name editors too
  }
  return true;
}

json::object Dispatcher::Superseded(const json::value& request) {
  ++stats_.requests;
  ++stats_.superseded;
  const json::object& o = request.get_object();
  const json::value* id = o.if_contains("id");
  json::object r = Reply(id ? *id : json::value(), "superseded");
  const json::value* rev = o.if_contains("revision");
  r["revision"] = rev && rev->is_number() ? *rev : json::value(0);
  return r;
}

// ---- engine and store ----------------------------------------------------

void Dispatcher::SyncEngine(bool force) {
  if (!store_) return;
  const ListsDocument& doc = store_->lists().value;
  for (const auto& [scope, lists] : doc.domains) {
    size_t fp = Fingerprint(lists);
    auto it = applied_.find(scope);
    if (!force && it != applied_.end() && it->second == fp) continue;
    Status s = engine_->SetLists(scope, lists);
    if (!s.ok()) {
      // Only a hand-edited file gets here: the host validates before it writes.
      std::fprintf(stderr, "draftguard: lists of \"%s\" not loaded: %s\n", scope.c_str(), s.ToString().c_str());
      continue;
    }
    applied_[scope] = fp;
  }
  for (auto it = applied_.begin(); it != applied_.end();) {
    if (doc.domains.count(it->first) == 0) {
      engine_->SetLists(it->first, {});  // not ClearLists: it would drop the scope's organisation lists
      it = applied_.erase(it);
    } else {
      ++it;
    }
  }
}

json::object Dispatcher::StoreError(const json::value& id, const Status& s) const {
  switch (s.code()) {
    case ErrorCode::kConflict:
      return ListsConflict(id, s);
    case ErrorCode::kNotFound: {
      json::object o = Error(id, "not_found", s.message());
      if (!s.item().empty()) o["item"] = s.item();
      return o;
    }
    case ErrorCode::kBadTerm:
    case ErrorCode::kBadPattern:
    case ErrorCode::kTooLarge:
    case ErrorCode::kInvalidArgument: {
      json::object o = Error(id, "bad_term", s.message());
      if (!s.item().empty()) o["item"] = s.item();
      return o;
    }
    default:
      return Error(id, "store_unavailable", s.ToString());
  }
}

json::object Dispatcher::ListsConflict(const json::value& id, const Status& s) const {
  json::object o = Error(id, "conflict", s.message());
  o["revision"] = store_->lists().revision;
  o["domains"] = DomainsJson(store_->lists().value, nullptr);
  return o;
}

json::object Dispatcher::UpdateLists(const json::object& req, const std::function<Status(ListsDocument&)>& edit,
                                     json::object ok_extra) {
  const json::value& id = req.at("id");
  Result<uint64_t> base = ReqUint(req, "base_revision");
  if (!base.ok()) return FieldError(id, base.status());
  if (!store_) return Error(id, "store_unavailable", "the store could not be opened; see hello");
  Status s = store_->UpdateLists(base.value(), [&](ListsDocument& doc) -> Status {
    Status e = edit(doc);
    if (!e.ok()) return e;
    // Scopes left empty are dropped; changed scopes are validated by loading
    // them: SetLists is all-or-nothing, so a refused scope keeps its lists.
    for (auto it = doc.domains.begin(); it != doc.domains.end();) {
      it = it->second.empty() ? doc.domains.erase(it) : std::next(it);
    }
    for (const auto& [scope, lists] : doc.domains) {
      size_t fp = Fingerprint(lists);
      auto it = applied_.find(scope);
      if (it != applied_.end() && it->second == fp) continue;
      Status v = engine_->SetLists(scope, lists);
      if (!v.ok()) return v;
      applied_[scope] = fp;
    }
    return Status::Ok();
  });
  // Whatever happened, the engine follows what is committed (our write, or
  // another host's that the store saw under the lock).
  SyncEngine(false);
  if (!s.ok()) return StoreError(id, s);
  json::object r = Reply(id, "ok");
  r["revision"] = store_->lists().revision;
  for (auto& [k, v] : ok_extra) r[k] = v;
  return r;
}

// ---- handlers ------------------------------------------------------------

json::object Dispatcher::Hello(const json::object& req) {
  const json::value& id = req.at("id");
  const json::value* proto = req.if_contains("protocol");
  if (!proto) return FieldError(id, "protocol", "\"protocol\" is missing");
  if (!proto->is_int64() && !proto->is_uint64()) {
    return FieldError(id, "protocol", "\"protocol\" must be an integer");
  }
  if (proto->is_int64() && proto->get_int64() < kProtocolVersion) {
    json::object e = Error(id, "unsupported_protocol", "this host speaks protocol 1");
    e["protocol"] = kProtocolVersion;
    return e;
  }
  if (store_ && !lists_loading_) {
    if (store_->RefreshLists()) SyncEngine(false);
    store_->RefreshSettings();
  }
  json::object r = Reply(id, "hello");
  r["protocol"] = kProtocolVersion;
  r["version"] = options_.version;
  r["rules"] = engine_->rule_count();
  r["terms"] = engine_->term_count();
  r["max_frame_bytes"] = options_.max_frame_bytes;
  r["lists_loading"] = lists_loading_;
  if (!options_.org.empty()) r["org"] = options_.org;
  json::object st;
  json::array problems;
  if (store_) {
    for (const store::StoreProblem& p : store_->problems()) {
      json::object o;
      o["file"] = p.file;
      o["message"] = p.message;
      o["moved_to"] = p.moved_to;
      problems.push_back(std::move(o));
    }
    st["ok"] = store_->problems().empty() && !store_->read_only();
    st["read_only"] = store_->read_only();
    st["lists_revision"] = store_->lists().revision;
    st["settings_revision"] = store_->settings().revision;
  } else {
    st["ok"] = false;
    st["read_only"] = true;
    st["lists_revision"] = 0;
    st["settings_revision"] = 0;
    json::object o;
    o["file"] = "";
    o["message"] = "the store directory could not be opened; running on defaults";
    o["moved_to"] = "";
    problems.push_back(std::move(o));
  }
  st["problems"] = std::move(problems);
  r["store"] = std::move(st);
  return r;
}

json::object Dispatcher::Analyze(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string_view> text = ReqString(req, "text");
  if (!text.ok()) return FieldError(id, text.status());
  Result<std::optional<std::string_view>> domain = OptString(req, "domain");
  if (!domain.ok()) return FieldError(id, domain.status());
  json::value revision = 0;
  if (const json::value* r = req.if_contains("revision"); r && !r->is_null()) {
    if (!r->is_int64() && !r->is_uint64()) return FieldError(id, "revision", "\"revision\" must be an integer");
    revision = *r;
  }
  if (const json::value* e = req.if_contains("editor"); e && !(e->is_null() || e->is_string() || e->is_number())) {
    return FieldError(id, "editor", "\"editor\" must be a string or a number");
  }
  for (const char* flag : {"ignore_keys", "shared_texts"}) {
    if (const json::value* f = req.if_contains(flag); f && !(f->is_null() || f->is_bool()))
      return FieldError(id, flag, "\"" + std::string(flag) + "\" must be true or false");
  }
  CategorySet requested = CategorySet::All();
  if (const json::value* cats = req.if_contains("categories"); cats && !cats->is_null()) {
    if (!cats->is_array()) return FieldError(id, "categories", "\"categories\" must be an array of category names");
    requested = CategorySet::None();
    size_t i = 0;
    for (const json::value& c : cats->get_array()) {
      std::string field = "categories[" + std::to_string(i++) + "]";
      std::optional<Category> cat = c.is_string() ? ParseCategory(Sv(c.get_string())) : std::nullopt;
      if (!cat) return FieldError(id, field, "\"" + field + "\" is not a category name");
      requested.insert(*cat);
    }
  }
  std::string_view site = domain.value().value_or("");
  store::EffectiveSettings eff;
  if (store_) {
    if (store_->RefreshLists()) SyncEngine(false);
    store_->RefreshSettings();
    eff = store::Resolve(store_->settings().value, site);
  }
  CategorySet cats = CategorySet::None();
  for (int i = 0; i < kCategoryCount; ++i) {
    auto c = static_cast<Category>(i);
    if ((eff.categories.contains(c) || options_.forced_categories.contains(c)) && requested.contains(c)) cats.insert(c);
  }
  auto t0 = std::chrono::steady_clock::now();
  Result<std::vector<Finding>> found = engine_->Analyze(text.value(), {.domain = site, .categories = cats});
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  if (!found.ok()) {
    const Status& s = found.status();
    if (s.code() == ErrorCode::kInvalidArgument) {
      json::object e = Error(id, "invalid_utf8", "\"text\" is not valid UTF-8 at byte " + s.item());
      e["field"] = "text";
      return e;
    }
    if (s.code() == ErrorCode::kTooLarge) {
      json::object e = Error(id, "too_large", s.message());
      e["field"] = "text";
      return e;
    }
    return Error(id, "internal", s.ToString());
  }
  std::vector<Finding>& kept = found.value();
  Severity min = eff.min_severity();
  std::erase_if(kept, [&](const Finding& f) { return static_cast<int>(f.severity) < static_cast<int>(min); });
  for (const Finding& f : kept) ++stats_.findings[static_cast<int>(f.category)];
  ++stats_.analyses;
  // A hundred findings are a thousand small JSON blocks: they go in one
  // arena, freed at once with the reply.
  json::storage_ptr arena = json::make_shared_resource<json::monotonic_resource>();
  json::object r = Reply(id, "result", arena);
  r["revision"] = revision;
  r["elapsed_us"] = elapsed.count();
  const json::value* shared_texts = req.if_contains("shared_texts");
  const bool shared = shared_texts && *shared_texts == true;
  r["findings"] = FindingsToJson(kept, arena, shared ? FindingTexts::kLeftOut : FindingTexts::kInline);
  if (const json::value* want = req.if_contains("ignore_keys"); options_.ignore_key && want && *want == true) {
    json::array& arr = r["findings"].as_array();
    // Findings come sorted by start: one cursor walks the starts, one the ends.
    Utf16ToUtf8 starts(text.value()), ends(text.value());
    for (size_t i = 0; i < kept.size() && i < arr.size(); ++i) {
      size_t b = starts.ByteOffset(kept[i].start);
      size_t e = std::max(b, ends.ByteOffset(kept[i].end));
      arr[i].as_object()["ignore_key"] = options_.ignore_key(kept[i].rule, text.value().substr(b, e - b));
    }
  }
  if (shared) ShareTexts(kept, &r);
  return r;
}

void Dispatcher::ShareTexts(std::span<const Finding> findings, json::object* result) {
  // The findings of one rule all say the same: a result of a hundred
  // findings holds a handful of texts, most of its bytes when repeated.
  json::array& written = (*result)["findings"].as_array();
  using Text = std::pair<std::string_view, std::string_view>;  // message, suggestion
  std::map<Text, size_t> index;
  for (size_t k = 0; k < findings.size() && k < written.size(); ++k) {
    Text t(findings[k].message, findings[k].suggestion);
    written[k].as_object()["text_id"] = index.try_emplace(t, index.size()).first->second;
  }
  json::array texts(index.size(), result->storage());
  for (const auto& [t, i] : index) {
    json::object o(result->storage());
    o["message"] = t.first;
    o["suggestion"] = t.second;
    texts[i] = std::move(o);
  }
  (*result)["texts"] = std::move(texts);
}

json::object Dispatcher::ListsGet(const json::object& req) {
  const json::value& id = req.at("id");
  std::optional<std::string> scope;
  if (req.if_contains("domain") && !req.at("domain").is_null()) {
    Result<std::string> s = ReqScope(req, "domain");
    if (!s.ok()) return FieldError(id, s.status());
    scope = s.value();
  }
  if (!store_) return Error(id, "store_unavailable", "the store could not be opened; see hello");
  if (store_->RefreshLists()) SyncEngine(false);
  json::object r = Reply(id, "lists");
  r["revision"] = store_->lists().revision;
  r["domains"] = DomainsJson(store_->lists().value, scope ? &*scope : nullptr);
  return r;
}

json::object Dispatcher::ListsPut(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string> scope = ReqScope(req, "domain");
  if (!scope.ok()) return FieldError(id, scope.status());
  Result<std::string_view> name = ReqString(req, "name");
  if (!name.ok()) return FieldError(id, name.status());
  if (!req.if_contains("terms")) return FieldError(id, "terms", "\"terms\" is missing");
  Result<TermList> list = TermListFromJson(json::value(req), "");
  if (!list.ok()) return FieldError(id, list.status());
  if (list.value().name.empty()) return FieldError(id, "name", "\"name\" must not be empty");
  TermList l = std::move(list).value();
  if (options_.locked_lists.count({scope.value(), l.name}))
    return Error(id, "locked", "the list \"" + l.name + "\" of \"" + scope.value() + "\" is locked by your organisation");
  return UpdateLists(req, [&](ListsDocument& doc) {
    std::vector<TermList>& lists = doc.domains[scope.value()];
    auto it = std::find_if(lists.begin(), lists.end(), [&](const TermList& x) { return x.name == l.name; });
    if (it != lists.end()) {
      *it = l;
    } else {
      lists.push_back(l);
    }
    return Status::Ok();
  });
}

json::object Dispatcher::ListsDelete(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string> scope = ReqScope(req, "domain");
  if (!scope.ok()) return FieldError(id, scope.status());
  Result<std::optional<std::string_view>> name = OptString(req, "name");
  if (!name.ok()) return FieldError(id, name.status());
  std::optional<std::string> n;
  if (name.value()) n = std::string(*name.value());
  if (n && options_.locked_lists.count({scope.value(), *n}))
    return Error(id, "locked", "the list \"" + *n + "\" of \"" + scope.value() + "\" is locked by your organisation");
  return UpdateLists(req, [&](ListsDocument& doc) -> Status {
    auto d = doc.domains.find(scope.value());
    if (d == doc.domains.end()) {
      return Status(ErrorCode::kNotFound, "no lists for \"" + scope.value() + "\"", scope.value());
    }
    if (!n) {
      doc.domains.erase(d);
      return Status::Ok();
    }
    auto it = std::find_if(d->second.begin(), d->second.end(), [&](const TermList& x) { return x.name == *n; });
    if (it == d->second.end()) {
      return Status(ErrorCode::kNotFound, "no list \"" + *n + "\" for \"" + scope.value() + "\"", *n);
    }
    d->second.erase(it);
    return Status::Ok();
  });
}

json::object Dispatcher::ListsImport(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string_view> format = ReqString(req, "format");
  if (!format.ok()) return FieldError(id, format.status());
  if (format.value() != "json" && format.value() != "csv") {
    return FieldError(id, "format", "\"format\" must be \"json\" or \"csv\"");
  }
  Result<std::string_view> data = ReqString(req, "data");
  if (!data.ok()) return FieldError(id, data.status());
  Result<std::optional<std::string_view>> mode = OptString(req, "mode");
  if (!mode.ok()) return FieldError(id, mode.status());
  bool replace = false;
  if (mode.value()) {
    if (*mode.value() == "replace") {
      replace = true;
    } else if (*mode.value() != "merge") {
      return FieldError(id, "mode", "\"mode\" must be \"merge\" or \"replace\"");
    }
  }
  Result<ListsDocument> parsed =
      format.value() == "csv" ? ListsFromCsv(data.value()) : ParseListsDocument(data.value());
  if (!parsed.ok()) {
    return FieldError(id, "data", "\"data\" is not a valid " + std::string(format.value()) +
                                      " lists document: " + parsed.status().ToString());
  }
  // Scopes as written by people ("www.LinkedIn.com") are normalised.
  ListsDocument incoming;
  for (auto& [scope, lists] : parsed.value().domains) {
    Result<std::string> s = NormalizeScope(scope);
    if (!s.ok()) return FieldError(id, "data", "\"data\": bad domain \"" + scope + "\"");
    auto& dst = incoming.domains[s.value()];
    for (TermList& l : lists) dst.push_back(std::move(l));
  }
  size_t list_count = 0;
  size_t terms = TermCount(incoming, &list_count);
  json::object extra;
  extra["lists"] = list_count;
  extra["terms"] = terms;
  return UpdateLists(
      req,
      [&](ListsDocument& doc) {
        if (replace) doc.domains.clear();
        for (const auto& [scope, lists] : incoming.domains) {
          std::vector<TermList>& dst = doc.domains[scope];
          for (const TermList& l : lists) {
            auto it = std::find_if(dst.begin(), dst.end(), [&](const TermList& x) { return x.name == l.name; });
            if (it != dst.end()) {
              *it = l;
            } else {
              dst.push_back(l);
            }
          }
        }
        return Status::Ok();
      },
      std::move(extra));
}

json::object Dispatcher::ListsExport(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string_view> format = ReqString(req, "format");
  if (!format.ok()) return FieldError(id, format.status());
  if (format.value() != "json" && format.value() != "csv") {
    return FieldError(id, "format", "\"format\" must be \"json\" or \"csv\"");
  }
  std::optional<std::string> scope;
  if (req.if_contains("domain") && !req.at("domain").is_null()) {
    Result<std::string> s = ReqScope(req, "domain");
    if (!s.ok()) return FieldError(id, s.status());
    scope = s.value();
  }
  Result<std::optional<uint64_t>> offset = OptUint(req, "offset");
  if (!offset.ok()) return FieldError(id, offset.status());
  if (!store_) return Error(id, "store_unavailable", "the store could not be opened; see hello");
  if (store_->RefreshLists()) SyncEngine(false);
  ListsDocument part;
  const ListsDocument* doc = &store_->lists().value;
  if (scope) {
    if (auto it = doc->domains.find(*scope); it != doc->domains.end()) part.domains.insert(*it);
    doc = &part;
  }
  std::string all = format.value() == "csv" ? ListsToCsv(*doc) : json::serialize(ListsDocumentToJson(*doc));
  uint64_t off = offset.value().value_or(0);
  if (off > all.size()) return FieldError(id, "offset", "\"offset\" is past the end of the export");
  for (size_t chunk = kExportChunkBytes;; chunk /= 2) {
    size_t end = std::min<size_t>(all.size(), static_cast<size_t>(off) + chunk);
    while (end < all.size() && end > off && (static_cast<unsigned char>(all[end]) & 0xC0) == 0x80) --end;
    json::object r = Reply(id, "export");
    r["format"] = format.value();
    r["revision"] = store_->lists().revision;
    r["data"] = std::string_view(all).substr(static_cast<size_t>(off), end - static_cast<size_t>(off));
    r["offset"] = off;
    r["next_offset"] = end < all.size() ? json::value(end) : json::value(nullptr);
    r["total_bytes"] = all.size();
    if (chunk < 64 || json::serialize(r).size() <= options_.max_reply_bytes) return r;
  }
}

json::object Dispatcher::SettingsGet(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::optional<std::string_view>> domain = OptString(req, "domain");
  if (!domain.ok()) return FieldError(id, domain.status());
  if (!store_) return Error(id, "store_unavailable", "the store could not be opened; see hello");
  store_->RefreshSettings();
  json::object r = Reply(id, "settings");
  r["revision"] = store_->settings().revision;
  r["domains"] = store::SettingsToJson(store_->settings().value);
  if (domain.value()) {
    store::EffectiveSettings e = store::Resolve(store_->settings().value, *domain.value());
    json::object eff, cats;
    for (int i = 0; i < kCategoryCount; ++i) {
      cats[CategoryName(static_cast<Category>(i))] = e.categories.contains(static_cast<Category>(i));
    }
    eff["categories"] = std::move(cats);
    eff["sensitivity"] = store::SensitivityName(e.sensitivity);
    r["effective"] = std::move(eff);
  }
  return r;
}

json::object Dispatcher::SettingsPut(const json::object& req) {
  const json::value& id = req.at("id");
  Result<std::string> scope = ReqScope(req, "domain");
  if (!scope.ok()) return FieldError(id, scope.status());
  Result<store::DomainSettings> ds = store::DomainSettingsFromJson(json::value(req), "");
  if (!ds.ok()) {
    // Paths come back as ".categories.x"; the request's fields have no dot.
    std::string field = ds.status().item();
    if (!field.empty() && field[0] == '.') field.erase(0, 1);
    return FieldError(id, field, ds.status().message().substr(ds.status().message()[0] == '.' ? 1 : 0));
  }
  Result<uint64_t> base = ReqUint(req, "base_revision");
  if (!base.ok()) return FieldError(id, base.status());
  if (!store_) return Error(id, "store_unavailable", "the store could not be opened; see hello");
  store::DomainSettings d = std::move(ds).value();
  Status s = store_->UpdateSettings(base.value(), [&](store::Settings& settings) {
    if (d == store::DomainSettings{}) {
      settings.domains.erase(scope.value());
    } else {
      settings.domains[scope.value()] = d;
    }
    return Status::Ok();
  });
  if (s.code() == ErrorCode::kConflict) {
    json::object o = Error(id, "conflict", s.message());
    o["revision"] = store_->settings().revision;
    o["settings"] = store::SettingsToJson(store_->settings().value);
    return o;
  }
  if (!s.ok()) return Error(id, "store_unavailable", s.ToString());
  json::object r = Reply(id, "ok");
  r["revision"] = store_->settings().revision;
  return r;
}

json::object Dispatcher::Stats(const json::object& req) {
  json::object r = Reply(req.at("id"), "stats");
  r["uptime_ms"] =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
  r["requests"] = stats_.requests;
  r["analyses"] = stats_.analyses;
  r["superseded"] = stats_.superseded;
  r["errors"] = stats_.errors;
  json::object f;
  for (int i = 0; i < kCategoryCount; ++i) f[CategoryName(static_cast<Category>(i))] = stats_.findings[i];
  r["findings"] = std::move(f);
  r["lists_revision"] = store_ ? store_->lists().revision : 0;
  r["settings_revision"] = store_ ? store_->settings().revision : 0;
  return r;
}

}  // namespace draftguard::protocol
