/* Building page nodes. Text, which may come from an article, only ever goes in as textContent, never as HTML. */

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}
