// The native-messaging protocol, v1: the one place it is written down.
// (DESIGN.md gives the outline; this extends it. The golden request/reply
// pairs in tests/protocol/golden.jsonl are checked against the real binary
// and read by the extension's tests.)
//
// FRAMES. A 4-byte unsigned length in native byte order, then that many
// bytes of UTF-8 JSON (framing.h). Browser→host frames over the cap (8 MiB,
// `--max-frame-bytes N`) are skipped and answered with `too_large`; a
// host→browser frame is never over 1 MiB. Stdout carries frames only.
//
// REQUESTS are JSON objects with a client-chosen "id" (a number or a string,
// echoed in the reply) and a "type". Unknown fields are ignored. Integers are
// JSON numbers, flags JSON booleans.
//
// hello          {"id":1,"type":"hello","protocol":1}
//   → {"id":1,"type":"hello","protocol":1,"version":"0.1.0","rules":182,
//      "terms":1043,"max_frame_bytes":8388608,"lists_loading":false,
//      "store":{"ok":true,"read_only":false,"lists_revision":3,
//               "settings_revision":1,"problems":[
//                 {"file":"lists.json","message":"…","moved_to":"…"}]}}
//   "protocol" must be an integer >= 1; the reply names the one the host
//   speaks (1). lists_loading is true while the host, just started, still
//   compiles the stored lists (terms then counts the built-in ones only);
//   requests that need them wait for them. store.ok is false when a file was moved aside, is of a newer
//   schema, or the store could not be opened: the host then runs on defaults.
//
// analyze        {"id":2,"type":"analyze","domain":"www.linkedin.com",
//                 "text":"…","revision":7,"editor":"share-box",
//                 "categories":["case_study","pii"]}
//   → {"id":2,"type":"result","revision":7,"elapsed_us":41,"findings":[
//        {"category":"case_study","severity":"medium","rule":"case_study.roas",
//         "start":120,"end":131,"message":"…","suggestion":"…"}]}
//   With "ignore_keys":true in the request (and a store), each finding also
//   carries "ignore_key":"<64 hex>", a keyed hash of the rule and the
//   normalised matched text (src/org/ignore_hasher.h): what a client stores
//   for "ignore always" instead of the text.
//   With "shared_texts":true, each distinct message and suggestion is sent
//   once: the result carries "texts":[{"message":"…","suggestion":"…"},…]
//   and each finding "text_id":<index in texts> in place of its own two (the
//   findings of one rule say the same; a dense draft's result, ignore keys
//   included, is about half the size).
//   text is required. domain (default ""), revision (an integer echoed
//   back, default 0), editor (a string naming the composer, default "") and
//   categories (restricts further what the domain's settings switch on)
//   are optional. start/end are UTF-16 code units. Findings below the
//   domain's sensitivity and of switched-off categories are not reported.
//   A result whose frame would exceed 1 MiB keeps the most severe findings
//   (then the earliest) and carries "truncated":true.
//   When several analyze requests for one editor are queued, only the
//   newest is analysed; each older one is answered
//     {"id":…,"type":"superseded","revision":6}
//   Lists and settings that another host committed are picked up before the
//   analysis.
//
// lists.get      {"id":3,"type":"lists.get","domain":"linkedin.com"}
//   → {"id":3,"type":"lists","revision":3,"domains":{"linkedin.com":{"lists":[…]}}}
//   Without "domain", every scope. Lists are in the shape of lists.h. If the
//   frame would exceed 1 MiB, each list's "terms" is cut, the list carries
//   "term_count" (the full number) and the reply "truncated":true: use
//   lists.export for everything.
//
// lists.put      {"id":4,"type":"lists.put","domain":"linkedin.com",
//                 "name":"codenames","category":"keyword","severity":"high",
//                 "terms":["Falcon"],"base_revision":3}
//   → {"id":4,"type":"ok","revision":4}
//   Replaces (or adds) the list "name" of scope "domain" ("*" for
//   everywhere). message/suggestion/exclusions as in lists.h are optional.
//
// lists.delete   {"id":5,"type":"lists.delete","domain":"linkedin.com",
//                 "name":"codenames","base_revision":4}
//   → {"id":5,"type":"ok","revision":5}
//   Without "name", every list of the scope. `not_found` if there is none.
//
// lists.import   {"id":6,"type":"lists.import","format":"csv","data":"…",
//                 "mode":"merge","base_revision":5}
//   → {"id":6,"type":"ok","revision":6,"lists":2,"terms":40}
//   format "json": a lists document (lists.h); format "csv": a header line
//   `domain,name,category,severity,term` then one term a row (RFC 4180
//   quoting; empty category/severity take the defaults). mode "merge"
//   (default) replaces same-named lists and keeps the others; "replace"
//   replaces everything.
//
// lists.export   {"id":7,"type":"lists.export","format":"csv","domain":"*",
//                 "offset":0}
//   → {"id":7,"type":"export","format":"csv","revision":6,"data":"…",
//      "offset":0,"next_offset":524288,"total_bytes":1600000}
//   The export (of one scope, or all) is sent in chunks cut at UTF-8
//   boundaries; ask again with offset = next_offset until it is null. A
//   chunk whose revision differs from the first chunk's means the lists
//   changed in between: start over.
//
// settings.get   {"id":8,"type":"settings.get","domain":"www.linkedin.com"}
//   → {"id":8,"type":"settings","revision":2,"domains":{"*":{…},…},
//      "effective":{"categories":{"confidential":true,…},"sensitivity":"high"}}
//   "effective" (what applies to that domain) only when "domain" is given.
//
// settings.put   {"id":9,"type":"settings.put","domain":"linkedin.com",
//                 "categories":{"competitor":false},"sensitivity":"medium",
//                 "base_revision":2}
//   → {"id":9,"type":"ok","revision":3}
//   Replaces the scope's settings by what is given (absent = inherited from
//   "*" and the defaults; see store/settings.h). Sensitivity "high" reports
//   everything, "medium" warnings and up, "low" only blocking findings.
//
// stats          {"id":10,"type":"stats"}
//   → {"id":10,"type":"stats","uptime_ms":5120,"requests":12,"analyses":9,
//      "superseded":2,"errors":1,"findings":{"case_study":3,…},
//      "lists_revision":6,"settings_revision":3}
//   Counts since this host started; never any text.
//
// WRITES (lists.put/delete/import, settings.put) need "base_revision", the
// revision the client's view is based on. If another client committed
// since, nothing is written and the reply is
//   {"id":…,"type":"error","code":"conflict","message":"…","revision":7,
//    "domains":{…}}            (lists; settings.put carries "settings" instead)
// with the current state, so the client can merge and retry.
//
// ERRORS: {"id":…,"type":"error","code":"…","message":"…"} plus "field"
// (the offending request field, as a JSON path) or "item" (list/term) where
// one is to blame. "id" is null when the request's id could not be read.
// The host keeps serving after every error. Codes (stable):
//   bad_json              the frame is not JSON
//   invalid_utf8          the frame, or "text", is not valid UTF-8
//   too_deep              JSON nested deeper than 32 levels
//   too_large             a frame over the cap, or a text over the engine's limit
//   bad_request           not a JSON object, or no string "type"
//   bad_field             a field is missing, of the wrong type or value; "field" names it
//   unknown_type          "type" names no message of this protocol
//   unsupported_protocol  hello asks for a protocol this host cannot speak
//   bad_term              a list was refused (a term or /regex/ the engine rejects);
//                         "item" names it; the stored lists are unchanged
//   conflict              see WRITES
//   not_found             lists.delete of a list or scope that does not exist
//   store_unavailable     the store could not be opened or written, or is read-only
//   forbidden_origin      the caller is not an allowed extension (the host then exits)
//   locked                lists.put/lists.delete of a list an organisation locked (src/org/)
//   internal              the engine failed (e.g. out of its regex memory budget)
#ifndef DRAFTGUARD_PROTOCOL_DISPATCHER_H_
#define DRAFTGUARD_PROTOCOL_DISPATCHER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "draftguard/engine.h"
#include "protocol/framing.h"
#include "store/store.h"

namespace draftguard::protocol {

inline constexpr int kProtocolVersion = 1;
inline constexpr size_t kMaxJsonDepth = 32;

struct DispatcherOptions {
  // Reported by hello.
  std::string version = "0.0.0";
  // Reported by hello (the host's frame cap).
  uint64_t max_frame_bytes = kDefaultMaxFrameBytes;
  // Serialize() keeps every reply within this many bytes.
  size_t max_reply_bytes = kMaxReplyBytes;
  // Load the store's lists into the engine on construction. The host says
  // false and loads them on another engine in the background (AdoptEngine),
  // so that hello does not wait for 100 000 terms to compile.
  bool load_lists = true;
  // Organisation policy (src/org/org_engine.h), set by the host: hello
  // reports `org` as "org"; lists.put/delete of a locked (scope, name) fail
  // with `locked`; forced categories stay on whatever settings say.
  boost::json::object org;
  std::set<std::pair<std::string, std::string>> locked_lists;
  CategorySet forced_categories = CategorySet::None();
  // "ignore_key" of each finding: (rule, the original text it covers) → digest.
  std::function<std::string(std::string_view, std::string_view)> ignore_key;
};

// A parsed request, or the error reply that replaces it.
struct ParsedRequest {
  // An object when ok(), in the wiping resource. Move-construct it, never
  // move-assign it into a value of another resource: that copies the draft.
  boost::json::value request;
  boost::json::object error;   // non-empty when parsing failed
  bool ok() const { return error.empty(); }
};

// Maps one request (a JSON value) to one reply; never touches stdio, so
// tests and the fuzzer call it directly. One handler per message type.
class Dispatcher {
 public:
  // `engine` must outlive the dispatcher. `store` may be null (it could not
  // be opened): the host still analyses, lists and settings calls then fail
  // with store_unavailable. The store's lists are loaded into the engine.
  Dispatcher(Engine* engine, store::Store* store, DispatcherOptions options);

  // JSON-parses one frame's payload (UTF-8 checked, depth capped). Request
  // memory is wiped when freed: it holds drafts.
  static ParsedRequest Parse(std::string_view payload);

  // The reply to one request. Never fails: problems become error replies.
  boost::json::object Handle(const boost::json::value& request);

  // Serialises a reply within max_reply_bytes, cutting findings or list
  // terms (and saying so) when it would not fit.
  std::string Serialize(const boost::json::object& reply) const;

  // Parse + Handle + Serialize.
  std::string HandleFrame(std::string_view payload);

  // For the host's queue: is this an analyze request, and for which editor?
  static bool IsAnalyze(const boost::json::value& request, std::string* editor);
  // The reply to an analyze request skipped for a newer one; counted in stats.
  boost::json::object Superseded(const boost::json::value& request);

  // Switches to an engine that already holds lists, `applied` being the
  // ListsFingerprint of each scope it holds; catches up with any change
  // committed since. The old engine may be destroyed afterwards.
  void AdoptEngine(Engine* engine, std::map<std::string, size_t> applied);
  // Marks that lists are being loaded elsewhere (reported by hello).
  void SetListsLoading(bool loading) { lists_loading_ = loading; }
  // Whether a request needs the lists in the engine (analyze, lists.*).
  static bool NeedsLists(const boost::json::value& request);
  static size_t ListsFingerprint(const std::vector<TermList>& lists);

  // Error reply helpers, also used by the host.
  static boost::json::object Error(const boost::json::value& id, std::string_view code,
                                   std::string_view message);
  // Counts an error the host produced itself (too_large frames).
  void NoteError() { ++stats_.errors; }

 private:
  using Handler = boost::json::object (Dispatcher::*)(const boost::json::object& request);
  struct HandlerEntry {
    std::string_view type;
    Handler handler;
  };
  static const HandlerEntry kHandlers[];

  // The handler's reply to a request, or the error that replaces it.
  boost::json::object Route(const boost::json::value& request);

  boost::json::object Hello(const boost::json::object& req);
  boost::json::object Analyze(const boost::json::object& req);
  // Writes each distinct (message, suggestion) of `findings` once in the
  // result's "texts", and its index as "text_id" in the result's findings
  // (written from `findings`, in order, without their texts).
  static void ShareTexts(std::span<const Finding> findings, boost::json::object* result);
  boost::json::object ListsGet(const boost::json::object& req);
  boost::json::object ListsPut(const boost::json::object& req);
  boost::json::object ListsDelete(const boost::json::object& req);
  boost::json::object ListsImport(const boost::json::object& req);
  boost::json::object ListsExport(const boost::json::object& req);
  boost::json::object SettingsGet(const boost::json::object& req);
  boost::json::object SettingsPut(const boost::json::object& req);
  boost::json::object Stats(const boost::json::object& req);

  // Loads into the engine every scope whose lists differ from what it has.
  void SyncEngine(bool force);
  // Runs a lists edit through the store, validating touched scopes in the
  // engine first; maps failures to error replies.
  boost::json::object UpdateLists(const boost::json::object& req,
                                  const std::function<Status(ListsDocument&)>& edit,
                                  boost::json::object ok_extra = {});
  boost::json::object ListsConflict(const boost::json::value& id, const Status& s) const;
  boost::json::object StoreError(const boost::json::value& id, const Status& s) const;

  struct Counters {
    uint64_t requests = 0, analyses = 0, superseded = 0, errors = 0;
    uint64_t findings[kCategoryCount] = {};
  };

  Engine* engine_;
  store::Store* store_;
  DispatcherOptions options_;
  // scope → fingerprint of the lists the engine holds for it.
  std::map<std::string, size_t> applied_;
  Counters stats_;
  bool lists_loading_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace draftguard::protocol

#endif  // DRAFTGUARD_PROTOCOL_DISPATCHER_H_
