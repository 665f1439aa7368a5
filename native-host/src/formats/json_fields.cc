#include "formats/json_fields.h"

namespace draftguard::json_fields {

std::string Join(std::string_view base, std::string_view key) {
  if (base.empty()) return std::string(key);
  return std::string(base) + "." + std::string(key);
}

std::string Index(std::string_view base, size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}

Status Missing(std::string_view path) {
  return Status(ErrorCode::kInvalidArgument, "missing field '" + std::string(path) + "'", std::string(path));
}

Status WrongType(std::string_view path, std::string_view expected) {
  return Status(ErrorCode::kInvalidArgument,
                "field '" + std::string(path) + "' must be " + std::string(expected), std::string(path));
}

Result<std::optional<std::string>> String(const boost::json::object& o, std::string_view key,
                                          std::string_view base, bool required) {
  const boost::json::value* v = o.if_contains(key);
  if (!v && required) return Missing(Join(base, key));
  if (!v) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(Join(base, key), "a string");
  return std::optional<std::string>(std::string(v->get_string()));
}

Result<std::optional<int64_t>> Integer(const boost::json::object& o, std::string_view key,
                                       std::string_view base, bool required) {
  const boost::json::value* v = o.if_contains(key);
  if (!v && required) return Missing(Join(base, key));
  if (!v) return std::optional<int64_t>();
  if (v->is_int64()) return std::optional<int64_t>(v->get_int64());
  if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return std::optional<int64_t>(static_cast<int64_t>(v->get_uint64()));
  return WrongType(Join(base, key), "an integer");
}

Result<std::optional<bool>> Boolean(const boost::json::object& o, std::string_view key,
                                    std::string_view base, bool required) {
  const boost::json::value* v = o.if_contains(key);
  if (!v && required) return Missing(Join(base, key));
  if (!v) return std::optional<bool>();
  if (!v->is_bool()) return WrongType(Join(base, key), "true or false");
  return std::optional<bool>(v->get_bool());
}

Result<std::vector<std::string>> StringArray(const boost::json::object& o, std::string_view key,
                                             std::string_view base, bool required) {
  const boost::json::value* v = o.if_contains(key);
  std::string path = Join(base, key);
  if (!v && required) return Missing(path);
  if (!v) return std::vector<std::string>{};
  if (!v->is_array()) return WrongType(path, "an array of strings");
  std::vector<std::string> out;
  out.reserve(v->get_array().size());
  for (size_t i = 0; i < v->get_array().size(); ++i) {
    const boost::json::value& e = v->get_array()[i];
    if (!e.is_string()) return WrongType(Index(path, i), "a string");
    out.emplace_back(e.get_string());
  }
  return out;
}

Result<boost::json::value> Parse(std::string_view text, std::string_view what) {
  boost::json::error_code ec;
  boost::json::parse_options opt;
  opt.max_depth = 64;
  boost::json::value v = boost::json::parse(text, ec, {}, opt);
  if (ec) {
    // Find the line and column of the failure by re-parsing incrementally.
    boost::json::stream_parser p({}, opt);
    size_t consumed = p.write_some(text.data(), text.size(), ec);
    size_t line = 1, column = 1;
    for (size_t i = 0; i < consumed && i < text.size(); ++i) {
      if (text[i] == '\n') ++line, column = 1;
      else ++column;
    }
    return Status(ErrorCode::kInvalidArgument,
                  std::string(what) + " is not valid JSON: " + ec.message() + " at line " +
                      std::to_string(line) + ", column " + std::to_string(column));
  }
  return v;
}

}  // namespace draftguard::json_fields
