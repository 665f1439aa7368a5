// Escaping for text and attribute values written into the HTML report.
//
// Everything in the report that comes from the export (post text, links,
// dates, file names) goes through here: an export is untrusted input, and a
// post reading "<script>" must show as text, not run.
#ifndef DRAFTGUARD_AUDIT_HTML_ESCAPE_H_
#define DRAFTGUARD_AUDIT_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace draftguard::audit {

// Appends `text` with & < > " ' replaced by character references; safe both
// as element content and inside a double- or single-quoted attribute.
void AppendHtmlEscaped(std::string_view text, std::string* out);
std::string HtmlEscape(std::string_view text);

// True for an absolute http: or https: URL without control characters or
// white space: the only links the report makes clickable (no javascript:,
// data: or file: from a crafted archive).
bool IsWebUrl(std::string_view url);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_HTML_ESCAPE_H_
