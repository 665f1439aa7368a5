// Styles of DraftGuard's own UI, inside its shadow root (page CSS cannot
// reach it, ours cannot leak out). Severity is never colour-only: every
// finding also carries an icon and a word.
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.chip {
  position: fixed; z-index: 2147483000; display: inline-flex; align-items: center; gap: 6px;
  padding: 4px 10px 4px 8px; border-radius: 999px; border: 1px solid #c7d2de; background: #fff;
  color: #1d2226; font-size: 12px; font-weight: 600; line-height: 18px; cursor: pointer;
  box-shadow: 0 1px 3px rgba(0,0,0,.15); white-space: nowrap;
}
.chip:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
.chip .dot { width: 16px; height: 16px; border-radius: 50%; display: inline-grid; place-items: center; font-size: 11px; color: #fff; background: #5e6b78; }
.chip[data-state="clean"] .dot { background: #057642; }
.chip[data-state="warnings"][data-max="high"] { border-color: #cc1016; color: #8f0b10; }
.chip[data-state="warnings"][data-max="high"] .dot { background: #cc1016; }
.chip[data-state="warnings"][data-max="medium"] { border-color: #b24020; color: #7a2c16; }
.chip[data-state="warnings"][data-max="medium"] .dot { background: #c37d16; }
.chip[data-state="warnings"][data-max="low"] .dot { background: #0a66c2; }
.chip[data-state="unavailable"] { border-style: dashed; color: #5e6b78; }
.chip[data-state="checking"] .dot { background: #8c9aa6; }
.panel, .card {
  position: fixed; z-index: 2147483001; width: 340px; max-height: 60vh; overflow: auto;
  background: #fff; color: #1d2226; border: 1px solid #c7d2de; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font-size: 13px; line-height: 1.4; padding: 10px 12px;
}
.panel h2, .dialog h2 { font-size: 14px; margin: 0 0 8px; }
.finding { border-left: 4px solid #8c9aa6; padding: 6px 0 6px 10px; margin: 0 0 8px; }
.finding.high { border-color: #cc1016; }
.finding.medium { border-color: #c37d16; }
.finding.low { border-color: #0a66c2; }
.finding .head { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; padding: 1px 6px; border-radius: 4px; background: #eef3f8; }
.badge.high { background: #fde8e8; color: #8f0b10; }
.badge.medium { background: #fdf1dc; color: #7a4a00; }
.badge.low { background: #e8f1fb; color: #0a4d91; }
.quote { font-weight: 600; }
.why { margin: 4px 0; color: #38434f; }
.safer { margin: 4px 0; color: #1d2226; }
.safer b { color: #057642; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
button {
  font: inherit; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 4px 12px; cursor: pointer;
  border: 1px solid #0a66c2; background: #fff; color: #0a66c2;
}
button.primary { background: #0a66c2; color: #fff; }
button.danger { border-color: #cc1016; color: #cc1016; }
button:hover { filter: brightness(.95); }
.hint { color: #5e6b78; font-size: 11px; margin-top: 6px; }
.backdrop { position: fixed; inset: 0; z-index: 2147483002; background: rgba(0,0,0,.45); display: grid; place-items: center; }
.dialog {
  width: min(520px, 92vw); max-height: 85vh; overflow: hidden; display: flex; flex-direction: column; background: #fff; color: #1d2226; border-radius: 12px;
  padding: 18px 20px; box-shadow: 0 12px 40px rgba(0,0,0,.3); font-size: 14px; line-height: 1.45;
}
.dialog h2 { font-size: 18px; display: flex; gap: 8px; align-items: center; }
.dialog .icon { width: 26px; height: 26px; border-radius: 50%; background: #cc1016; color: #fff; display: inline-grid; place-items: center; font-size: 15px; }
.dialog .list { flex: 1 1 auto; min-height: 0; overflow: auto; padding-right: 4px; }
.dialog h2, .dialog > p, .dialog .actions { flex: none; }
.dialog .ai { margin: 12px 0 0; padding: 8px 10px; background: #f3f6f8; border-radius: 8px; font-size: 13px; }
.dialog .ai a { color: #0a66c2; font-weight: 600; }
.dialog .managed { margin: 12px 0 0; font-size: 13px; color: #5e6b78; }
.dialog .actions { justify-content: flex-end; margin-top: 14px; }
.dialog button { font-size: 14px; padding: 6px 16px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.overlay { position: fixed; inset: 0; pointer-events: none; z-index: 2147482999; }
.mark { position: fixed; pointer-events: none; border-bottom: 2px solid; }
.mark.high { background: rgba(204,16,22,.16); border-color: #cc1016; }
.mark.medium { background: rgba(227,150,20,.18); border-color: #c37d16; }
.mark.low { background: rgba(10,102,194,.10); border-color: #0a66c2; border-bottom-style: dotted; }
.mark.focus { background: rgba(204,16,22,.30); }
[hidden] { display: none !important; }
`;
