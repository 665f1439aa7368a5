// On LinkedIn's "Data for Generative AI Improvement" page: read the
// training toggle (and read it again when the user flips it) and tell the
// background, which remembers it with the date. The popup and the review
// dialog remind users who have not opted out, and stop once they have.

import { findAiToggle, aiToggleIsOn } from '../../lib/selectors.js';
import { C2B } from '../../messages.js';

export { AI_SETTINGS_PATH as PATH } from '../../lib/selectors.js';

export function init(signal, { send }) {
  let last = null;
  const read = () => {
    const toggle = findAiToggle(document);
    if (!toggle) return false;
    const on = aiToggleIsOn(toggle);
    if (on !== last) {
      last = on;
      send({ type: C2B.AI_SETTING_SEEN, trainingOn: on });
    }
    return true;
  };
  const poll = () => {
    if (signal.aborted) return;
    if (!read()) setTimeout(poll, 250);
  };
  poll();
  // The user flips the toggle here: read it again after the page updated it.
  for (const type of ['change', 'click', 'keyup']) {
    document.addEventListener(type, () => setTimeout(read, 50), { signal, capture: true });
  }
}
