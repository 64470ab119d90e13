/* The symbol on the icon of each event type and claim stance.
 *
 * The types and stances themselves are the server's (config.vocabulary); these tables are presentation only. A type or
 * stance missing here still draws, with its layer's generic symbol. Only symbols that common text fonts carry (DejaVu
 * Sans has them all): emoji such as ⛔ or ✊ show as empty boxes where no emoji font is installed.
 */

const EVENT_SYMBOLS = { CONSULT: "☎", ASSAULT: "✸", COERCE: "▬", MOBILIZE: "⚑", AGREE: "✓", SANCTION: "⊘",
  RETREAT: "↩", PROTEST: "✪" };
const STANCE_SYMBOLS = { assert: "❝", accuse: "!", deny: "✗", condemn: "✖", warn: "⚠", "express concern": "?",
  support: "+", propose: "→", reject: "⊗" };
const GENERIC_EVENT = "•";
const GENERIC_STANCE = "❝";

/* On the badges that gather a layer's crowded items. */
export const LAYER_SYMBOLS = { events: "✸", claims: "❝" };

function lookUp(table, value, generic) {
  return Object.hasOwn(table, value) ? table[value] : generic;
}

export function eventSymbol(type) {
  return lookUp(EVENT_SYMBOLS, type, GENERIC_EVENT);
}

export function stanceSymbol(stance) {
  return lookUp(STANCE_SYMBOLS, stance, GENERIC_STANCE);
}
