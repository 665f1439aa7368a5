#include "org/canonical_json.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

namespace draftguard::org {
namespace {

namespace json = boost::json;

void AppendString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xf]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

Status Append(const json::value& v, const std::string& path, std::string* out) {
  switch (v.kind()) {
    case json::kind::null: *out += "null"; return Status::Ok();
    case json::kind::bool_: *out += v.get_bool() ? "true" : "false"; return Status::Ok();
    case json::kind::int64: *out += std::to_string(v.get_int64()); return Status::Ok();
    case json::kind::uint64: *out += std::to_string(v.get_uint64()); return Status::Ok();
    case json::kind::double_:
      return Status(ErrorCode::kInvalidArgument,
                    "'" + path + "' is not an integer: signed packs hold integers only", path);
    case json::kind::string: {
      const json::string& s = v.get_string();
      AppendString(std::string_view(s.data(), s.size()), out);
      return Status::Ok();
    }
    case json::kind::array: {
      out->push_back('[');
      const json::array& a = v.get_array();
      for (size_t i = 0; i < a.size(); ++i) {
        if (i) out->push_back(',');
        if (Status s = Append(a[i], path + "[" + std::to_string(i) + "]", out); !s.ok()) return s;
      }
      out->push_back(']');
      return Status::Ok();
    }
    case json::kind::object: {
      const json::object& o = v.get_object();
      std::vector<const json::key_value_pair*> members;
      members.reserve(o.size());
      for (const json::key_value_pair& kv : o) members.push_back(&kv);
      std::sort(members.begin(), members.end(),
                [](const json::key_value_pair* a, const json::key_value_pair* b) { return a->key() < b->key(); });
      out->push_back('{');
      for (size_t i = 0; i < members.size(); ++i) {
        if (i) out->push_back(',');
        std::string_view key = members[i]->key();
        AppendString(key, out);
        out->push_back(':');
        std::string child = path.empty() ? std::string(key) : path + "." + std::string(key);
        if (Status s = Append(members[i]->value(), child, out); !s.ok()) return s;
      }
      out->push_back('}');
      return Status::Ok();
    }
  }
  return Status(ErrorCode::kInvalidArgument, "unknown JSON kind", path);
}

}  // namespace

Result<std::string> CanonicalJson(const json::value& value) {
  std::string out;
  if (Status s = Append(value, "", &out); !s.ok()) return s;
  return out;
}

}  // namespace draftguard::org
