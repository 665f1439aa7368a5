// Text that comes out of an export, made safe for the engine and the report.
//
// Design decision: an export is read, never refused. The engine rejects
// invalid UTF-8, and a CSV re-saved by a spreadsheet is often Windows-1252,
// so bytes that are not UTF-8 are decoded one by one as Windows-1252 (an
// "é" saved as 0xE9 stays "é", which keeps French words matchable) and the
// caller is told how many there were, to report them. Bytes that mean
// nothing in Windows-1252 either become U+FFFD.
#ifndef DRAFTGUARD_AUDIT_TEXT_ENCODING_H_
#define DRAFTGUARD_AUDIT_TEXT_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace draftguard::audit {

// Rewrites *text into valid UTF-8 as described above and returns the number
// of bytes that were not part of a well-formed UTF-8 sequence (0: the text
// was valid and is unchanged). Overlong forms, surrogates and code points
// over U+10FFFF count as invalid.
// Cost: one pass; valid ASCII runs are skipped word by word.
size_t RepairUtf8(std::string* text);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_TEXT_ENCODING_H_
