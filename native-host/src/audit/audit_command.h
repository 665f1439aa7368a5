// `draftguard audit`: finds what a person's already-public LinkedIn posts,
// comments and articles give away, from LinkedIn's data export.
//
//   draftguard audit PATH [--lists FILE] [--out DIR] [--lang en|fr] [--packs PATH]
//
// PATH is the export zip or the folder it was unpacked into. Writes
// DIR/report.html (self-contained, see html_report.h) and DIR/report.json
// (json_report.h); DIR defaults to ./draftguard-audit and is created with
// mode 0700. Keyword lists come from --lists, else from the user's stored
// lists (store/store.h) when there are any.
//
// Prints a summary on stdout and, on a terminal, a progress bar on stderr.
// Never prints any text of the export: only counts, file names and line
// numbers.
//
// Exit status (the CLI contract): 0 no finding of medium or above, 1 such
// findings, 2 usage or input error, including a PATH that is not a LinkedIn
// export or an output directory that cannot be written.
#ifndef DRAFTGUARD_AUDIT_AUDIT_COMMAND_H_
#define DRAFTGUARD_AUDIT_AUDIT_COMMAND_H_

#include <span>
#include <string_view>

namespace draftguard::audit {

int RunAuditCommand(std::span<const std::string_view> args);

}  // namespace draftguard::audit

#endif  // DRAFTGUARD_AUDIT_AUDIT_COMMAND_H_
