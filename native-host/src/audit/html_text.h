// Article HTML reduced to the text a reader sees.
//
// Design decision: LinkedIn exports each article as one small, regular HTML
// file (a <title>, an <h1> holding a link to the published article, then
// the body). Reducing it to text needs a tag scanner, not a DOM: tags are
// dropped, <script>, <style>, <template> and comments are skipped with their
// contents, block elements (p, div, br, li, headings, …) become line breaks,
// white space collapses as a browser would collapse it (kept inside <pre>),
// and character references are decoded. Malformed markup never fails; it
// reads as whatever text is left.
#ifndef DRAFTGUARD_AUDIT_HTML_TEXT_H_
#define DRAFTGUARD_AUDIT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace draftguard::audit {

struct HtmlText {
  // Text of <title>, else of the first <h1>; collapsed to one line.
  std::string title;
  // The visible text of the document (title element excluded), paragraphs
  // separated by a blank line, no leading or trailing white space.
  std::string text;
  // href of the first <a> inside the first <h1>, as written (LinkedIn puts
  // the article's public URL there); empty if none.
  std::string heading_link;
};

// Cost: one pass over `html`.
HtmlText HtmlToText(std::string_view html);

// Decodes character references (&amp; &#233; &#x1F600; and the common named
// ones) in `text`; unknown or malformed references are kept as written.
std::string DecodeHtmlEntities(std::string_view text);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_HTML_TEXT_H_
