#include "export_fixture.h"

#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace draftguard::audit::testing {

namespace fs = std::filesystem;

ExportFiles SampleExport() {
  ExportFiles files;
  // Shares.csv as LinkedIn writes it: BOM, CRLF between records; line breaks
  // inside a post are kept as the member typed them (LF).
  files["Shares.csv"] =
      "\xEF\xBB\xBF"
      "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
      // line 2: multi-line post with emoji; codename + client.
      "2024-03-05 "
      "09:12:44,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000001/,"
      "\"Big week for the team! \xF0\x9F\x9A\x80\nProject Falcon ships to Acme Corp in "
      "May.\nThanks all\","
      ",,MEMBER_NETWORK\r\n"
      // line 5: doubled quotes and a comma inside the field.
      "2024-03-20 "
      "17:45:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000002/,"
      "\"She said \"\"this stays internal, it's confidential\"\" and yet: Initech grew, fast.\","
      "https://example.com/article,,PUBLIC\r\n"
      // line 6: French, competitor on the linkedin.com list.
      "2024-04-11 "
      "08:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000003/,"
      "\"Confidentiel : notre levée de fonds face à Globex est prévue pour juin.\nNe pas "
      "diffuser.\","
      ",,PUBLIC\r\n"
      // line 8: nothing to find.
      "2024-04-12 "
      "12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000004/,"
      "Happy Friday everyone,,,PUBLIC\r\n"
      // line 9: malformed, three fields where the header has six.
      "2024-05-01 "
      "10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000005/,"
      "\"Falcon in a broken row\"\r\n"
      // line 10: Windows-1252 bytes (0xE9 = é, 0x92 = ’).
      "2024-05-02 "
      "10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000006/,"
      "\"Pr\xE9sentation interne : l\x92\xE9quipe Falcon\",,,PUBLIC\r\n"
      // line 11: emoji (surrogate pairs in UTF-16) before the codename.
      "2024-06-15 "
      "21:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000007/,"
      "\"\xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 Falcon \xF0\x9F\x91\x80 soon\",,,PUBLIC\r\n"
      // line 12: hostile link and markup.
      "2024-06-16 09:00:00,javascript:alert(1),"
      "\"<script>alert('x')</script><img src=x onerror=alert(2)> Falcon\",,,PUBLIC\r\n"
      // line 13: a post from another year, for the chart.
      "2023-11-30 "
      "23:59:59,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170000000000000009/,"
      "Acme Corp was a pleasure to work with,,,PUBLIC\r\n";

  // Comments.csv: LF line ends, no BOM.
  files["Comments.csv"] =
      "Date,Link,Message\n"
      "2024-04-02 "
      "18:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7180000000000000002?"
      "commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7180000000000000002%2C7180000000000000003%29,"
      "\"Agreed, and Falcon's beta numbers were even better \"\"off the record\"\"\"\n"
      "2024-04-03 "
      "08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7180000000000000004,"
      "Congrats!\n"
      "2024-04-04 "
      "09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7180000000000000005\n";

  files["Articles/Articles/2024-05-11 09:30:00.0-Our road to Falcon.html"] =
      "<html><head><meta charset=\"UTF-8\"/><title>Our road to Falcon</title>"
      "<style>body{color:red}</style></head><body>"
      "<h1><a href=\"https://www.linkedin.com/pulse/our-road-falcon-jane-doe\">Our road to "
      "Falcon</a></h1>"
      "<p class=\"created\">Created on 2024-05-10 08:00</p>"
      "<p class=\"published\">Published on 2024-05-11 09:30</p>"
      "<div><p>Internal only: Acme&nbsp;Corp renewed for &euro;1.2M.</p>"
      "<script>evil()</script><p>Thanks &amp; see you soon.</p></div></body></html>";
  return files;
}

std::string SampleListsJson() {
  return R"({"version":1,"domains":{
  "*":{"lists":[
    {"name":"codenames","category":"keyword","severity":"high","terms":["Falcon"]},
    {"name":"clients","category":"keyword","severity":"medium","terms":["Acme Corp","Initech"]}]},
  "linkedin.com":{"lists":[
    {"name":"competitors","category":"competitor","severity":"medium","terms":["Globex"]}]}}})";
}

void WriteZip(const fs::path& zip_path, const ExportFiles& files) {
  int err = 0;
  zip_t* zip = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (zip == nullptr) throw std::runtime_error("zip_open failed");
  for (const auto& [name, bytes] : files) {
    // The data must live until zip_close: libzip reads it then.
    zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    if (src == nullptr || zip_file_add(zip, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      if (src) zip_source_free(src);
      zip_discard(zip);
      throw std::runtime_error("zip_file_add failed for " + name);
    }
  }
  if (zip_close(zip) != 0) {
    std::string why = zip_strerror(zip);
    zip_discard(zip);
    throw std::runtime_error("zip_close failed: " + why);
  }
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void WriteFolder(const fs::path& dir, const ExportFiles& files) {
  fs::create_directories(dir);
  for (const auto& [name, bytes] : files) WriteFile(dir / name, bytes);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "dg-audit-test-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace draftguard::audit::testing
