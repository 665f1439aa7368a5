#include "audit/html_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace draftguard::audit {
namespace {

constexpr std::pair<std::string_view, std::string_view> kNamedEntities[] = {
    {"amp", "&"},        {"lt", "<"},         {"gt", ">"},          {"quot", "\""},
    {"apos", "'"},       {"nbsp", "\u00A0"},  {"ndash", "\u2013"},  {"mdash", "\u2014"},
    {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"},  {"rdquo", "\u201D"},
    {"laquo", "\u00AB"}, {"raquo", "\u00BB"}, {"hellip", "\u2026"}, {"euro", "\u20AC"},
    {"copy", "\u00A9"},  {"reg", "\u00AE"},   {"trade", "\u2122"},  {"bull", "\u2022"},
    {"eacute", "é"},     {"egrave", "è"},     {"ecirc", "ê"},       {"agrave", "à"},
    {"acirc", "â"},      {"ccedil", "ç"},     {"ocirc", "ô"},       {"ucirc", "û"},
    {"ugrave", "ù"},     {"icirc", "î"},      {"iuml", "ï"},        {"euml", "ë"},
    {"auml", "ä"},       {"ouml", "ö"},       {"uuml", "ü"},        {"szlig", "ß"},
    {"Eacute", "É"},     {"Agrave", "À"},     {"Ccedil", "Ç"},      {"ntilde", "ñ"},
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Decodes the reference starting at s[i] == '&' into *out and returns its
// length, or 0 if it is not one.
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t cp = 0;
    size_t digits = 0;
    while (j < s.size() && digits < 8) {
      char c = s[j];
      int v = IsDigit(c)                                  ? c - '0'
              : hex && Lower(c) >= 'a' && Lower(c) <= 'f' ? Lower(c) - 'a' + 10
                                                          : -1;
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      ++j;
      ++digits;
    }
    if (digits == 0) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    AppendCodePoint(cp, out);
    return j - i;
  }
  size_t start = j;
  while (j < s.size() && j - start < 10 && (IsAlpha(s[j]) || IsDigit(s[j]))) ++j;
  if (j >= s.size() || s[j] != ';') return 0;
  std::string_view name = s.substr(start, j - start);
  for (const auto& [n, v] : kNamedEntities) {
    if (n == name) {
      out->append(v);
      return j + 1 - i;
    }
  }
  return 0;
}

bool IsBlock(std::string_view tag) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article",    "aside",   "blockquote", "br", "dd",   "div", "dl",
      "dt",      "figcaption", "figure",  "footer",     "h1", "h2",   "h3",  "h4",
      "h5",      "h6",         "header",  "hr",         "li", "main", "nav", "ol",
      "p",       "pre",        "section", "table",      "td", "th",   "tr",  "ul"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

bool IsParagraph(std::string_view tag) {
  return tag == "p" || tag == "blockquote" || tag == "pre" || tag == "ul" || tag == "ol" ||
         tag == "table" || (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6');
}

// Builds the visible text with browser-like white-space collapsing.
class TextSink {
 public:
  void Text(std::string_view decoded, bool pre) {
    for (char c : decoded) {
      if (!pre && IsSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (pre && (c == '\n')) {
        out_.push_back('\n');
        newlines_ = 1;
        pending_space_ = false;
        continue;
      }
      if (pending_space_ && newlines_ == 0 && !out_.empty()) out_.push_back(' ');
      pending_space_ = false;
      out_.push_back(c);
      newlines_ = 0;
    }
  }
  // Ends the current line; `blank` leaves an empty line after it.
  void Break(bool blank) {
    pending_space_ = false;
    if (out_.empty()) return;
    int want = blank ? 2 : 1;
    while (newlines_ < want) {
      out_.push_back('\n');
      ++newlines_;
    }
  }
  std::string Finish() {
    while (!out_.empty() && IsSpace(out_.back())) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  int newlines_ = 0;
  bool pending_space_ = false;
};

std::string CollapseLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Tag {
  std::string name;  // lowercase
  bool closing = false;
  std::string href;  // for <a>
  size_t end = 0;    // index just past '>'
};

// Parses the tag at html[i] == '<'; false if it is not a tag (then '<' is text).
bool ParseTag(std::string_view html, size_t i, Tag* tag) {
  size_t j = i + 1;
  tag->closing = j < html.size() && html[j] == '/';
  if (tag->closing) ++j;
  if (j >= html.size() || !IsAlpha(html[j])) return false;
  tag->name.clear();
  tag->href.clear();
  while (j < html.size() && (IsAlpha(html[j]) || IsDigit(html[j]) || html[j] == '-'))
    tag->name.push_back(Lower(html[j++]));
  // Attributes, honouring quotes so that a '>' inside a value does not end the tag.
  while (j < html.size() && html[j] != '>') {
    if (IsSpace(html[j]) || html[j] == '/') {
      ++j;
      continue;
    }
    size_t name_start = j;
    while (j < html.size() && !IsSpace(html[j]) && html[j] != '=' && html[j] != '>') ++j;
    std::string attr(html.substr(name_start, j - name_start));
    std::transform(attr.begin(), attr.end(), attr.begin(), Lower);
    while (j < html.size() && IsSpace(html[j])) ++j;
    if (j >= html.size() || html[j] != '=') continue;
    ++j;
    while (j < html.size() && IsSpace(html[j])) ++j;
    std::string_view value;
    if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
      char q = html[j++];
      size_t end = html.find(q, j);
      if (end == std::string_view::npos) end = html.size();
      value = html.substr(j, end - j);
      j = std::min(end + 1, html.size());
    } else {
      size_t start = j;
      while (j < html.size() && !IsSpace(html[j]) && html[j] != '>') ++j;
      value = html.substr(start, j - start);
    }
    if (attr == "href") tag->href = DecodeHtmlEntities(value);
  }
  tag->end = std::min(j + 1, html.size());
  return true;
}

// Index just past the closing tag `</name ...>` at or after `from`, or the end.
size_t SkipPast(std::string_view html, size_t from, std::string_view name) {
  size_t j = from;
  while (true) {
    size_t lt = html.find("</", j);
    if (lt == std::string_view::npos) return html.size();
    size_t k = lt + 2;
    size_t m = 0;
    while (m < name.size() && k + m < html.size() && Lower(html[k + m]) == name[m]) ++m;
    if (m == name.size()) {
      size_t gt = html.find('>', k + m);
      return gt == std::string_view::npos ? html.size() : gt + 1;
    }
    j = lt + 2;
  }
}

}  // namespace

std::string DecodeHtmlEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    size_t len = DecodeReference(text, amp, &out);
    if (len == 0) {
      out.push_back('&');
      len = 1;
    }
    i = amp + len;
  }
  return out;
}

HtmlText HtmlToText(std::string_view html) {
  HtmlText result;
  TextSink sink;
  std::string h1_text;
  int pre_depth = 0;
  int h1_state = 0;  // 0 before the first <h1>, 1 inside it, 2 after it
  Tag tag;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t lt = html.find('<', i);
      if (lt == std::string_view::npos) lt = html.size();
      std::string decoded = DecodeHtmlEntities(html.substr(i, lt - i));
      sink.Text(decoded, pre_depth > 0);
      if (h1_state == 1) h1_text += decoded;
      i = lt;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (!ParseTag(html, i, &tag)) {
      sink.Text("<", pre_depth > 0);
      if (h1_state == 1) h1_text += '<';
      ++i;
      continue;
    }
    i = tag.end;
    const std::string& name = tag.name;
    if (!tag.closing &&
        (name == "script" || name == "style" || name == "template" || name == "noscript")) {
      i = SkipPast(html, i, name);
      continue;
    }
    if (!tag.closing && name == "title") {
      size_t end = SkipPast(html, i, "title");
      size_t close = html.rfind("</", end);
      if (close == std::string_view::npos || close < i) close = end;
      result.title = CollapseLine(DecodeHtmlEntities(html.substr(i, close - i)));
      i = end;
      continue;
    }
    if (name == "pre") pre_depth = std::max(0, pre_depth + (tag.closing ? -1 : 1));
    if (name == "h1") {
      if (!tag.closing && h1_state == 0)
        h1_state = 1;
      else if (tag.closing && h1_state == 1)
        h1_state = 2;
    }
    if (name == "a" && !tag.closing && h1_state == 1 && result.heading_link.empty())
      result.heading_link = tag.href;
    if (IsBlock(name)) sink.Break(IsParagraph(name));
  }
  result.text = sink.Finish();
  if (result.title.empty()) result.title = CollapseLine(h1_text);
  return result;
}

}  // namespace draftguard::audit
