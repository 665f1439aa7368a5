#include "audit/html_escape.h"

#include <doctest/doctest.h>

namespace draftguard::audit {
namespace {

TEST_CASE("escape: the five characters that matter, nothing else") {
  CHECK(HtmlEscape("<a href=\"x\" title='y'>&amp;</a> é 🚀") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é 🚀");
  CHECK(HtmlEscape("").empty());
  std::string out = "keep ";
  AppendHtmlEscaped("a<b", &out);
  CHECK(out == "keep a&lt;b");
}

TEST_CASE("escape: only absolute web links are clickable") {
  CHECK(IsWebUrl("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1/"));
  CHECK(IsWebUrl("HTTP://example.com"));
  CHECK(!IsWebUrl("javascript:alert(1)"));
  CHECK(!IsWebUrl("data:text/html,<script>"));
  CHECK(!IsWebUrl("file:///etc/passwd"));
  CHECK(!IsWebUrl("//evil.example"));
  CHECK(!IsWebUrl("https://"));
  CHECK(!IsWebUrl("https://a.com/x y"));
  CHECK(!IsWebUrl("https://a.com/\x01"));
  CHECK(!IsWebUrl(""));
}

}  // namespace
}  // namespace draftguard::audit
