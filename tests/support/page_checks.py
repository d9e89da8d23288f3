"""What a browser can tell about a page that the HTML alone cannot: run inside Chromium.

Each constant is a JavaScript function for Playwright's ``page.evaluate``. They measure; the
tests decide. Text is looked at line by line (a Range's client rects), so a link that wraps
onto two lines is two boxes, not one big rectangle.
"""

# Shared helpers, prepended to each check below.
_HELPERS = """
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  else if (el.classList.length) name += '.' + [...el.classList].join('.');
  return name;
};
// Hidden on purpose: not rendered, or clipped to a pixel (visually hidden, the unfocused
// skip link); such text is for screen readers and is not drawn.
const hidden = (el) => {
  if (!el.checkVisibility({visibilityProperty: true})) return true;
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    const box = node.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) return true;
  }
  return false;
};
const textLines = () => {
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || hidden(el)) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) lines.push({el, rect, text: text.slice(0, 40)});
    }
  }
  return lines;
};
"""

REFLOW = (
    "() => {"
    + _HELPERS
    + """
  const problems = [];
  const width = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > width) {
    problems.push(`the page is ${pageWidth}px wide in a ${width}px window: it scrolls sideways`);
  }
  for (const line of textLines()) {
    if (line.rect.left < -1 || line.rect.right > width + 1) {
      problems.push(`${describe(line.el)} "${line.text}" runs off the screen ` +
                    `(${Math.round(line.rect.left)}px to ${Math.round(line.rect.right)}px)`);
    }
  }
  const clipping = ['hidden', 'clip'];
  for (const el of document.body.querySelectorAll('*')) {
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !el.textContent.trim()) continue;
    if (hidden(el)) continue;
    const style = getComputedStyle(el);
    const cutX = clipping.includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const cutY = clipping.includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth;
    if (cutX || cutY || ellipsis) {
      problems.push(`${describe(el)} cuts off its text "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return problems;
}"""
)

# Text boxes, one per line, and form controls and images: no two may overlap. Boxes of an
# element and its own descendants are allowed to (a button's label sits on the button).
# `tolerance` ignores the sliver where a glyph's ascender touches the line above.
OVERLAPS = (
    "(tolerance) => {"
    + _HELPERS
    + """
  const boxes = textLines();
  const controls = 'input:not([type=hidden]), button, select, textarea, img, svg';
  for (const el of document.body.querySelectorAll(controls)) {
    if (!hidden(el)) boxes.push({el, rect: el.getBoundingClientRect(), text: describe(el)});
  }
  const problems = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const across = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const down = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (across > tolerance && down > tolerance) {
        problems.push(`${describe(a.el)} "${a.text}" overlaps ${describe(b.el)} "${b.text}"`);
      }
    }
  }
  return problems;
}"""
)

# Font size of every visible text, keyed by its position in the document, to compare before
# and after the reader doubles the text size.
FONT_SIZES = (
    "() => {"
    + _HELPERS
    + """
  const sizes = {};
  const all = [...document.body.querySelectorAll('*')];
  for (const line of textLines()) {
    sizes[all.indexOf(line.el)] = [describe(line.el), line.text,
                                   parseFloat(getComputedStyle(line.el).fontSize)];
  }
  return sizes;
}"""
)

SET_TEXT_SIZE = "(size) => { document.documentElement.style.fontSize = size; }"

# Whether any element a selector finds is drawn: for the print stylesheet.
DRAWN = (
    "(selectors) => {"
    + _HELPERS
    + """
  const result = {};
  for (const selector of selectors) {
    result[selector] = [...document.querySelectorAll(selector)].some((el) => !hidden(el));
  }
  return result;
}"""
)

# The unfocused look of everything focusable, remembered before the keyboard moves focus.
REMEMBER_UNFOCUSED_LOOK = """() => {
  window.unfocusedLook = new Map();
  const focusable = 'a[href], button, input, select, textarea, [tabindex]';
  for (const el of document.querySelectorAll(focusable)) {
    const style = getComputedStyle(el);
    window.unfocusedLook.set(el, {
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow, background: style.backgroundColor});
  }
}"""

# The focused element: its look now and unfocused, the colour behind it, and whether the
# reader can see it (in the window, not covered by anything).
FOCUSED = (
    "() => {"
    + _HELPERS
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let backdrop = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') { backdrop = colour; break; }
  }
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  const unfocused = (window.unfocusedLook && window.unfocusedLook.get(el)) || null;
  return {
    element: describe(el), tag: el.tagName.toLowerCase(), id: el.id, type: el.type || '',
    name: el.name || '', value: el.value || '', text: el.textContent.trim().slice(0, 60),
    classes: [...el.classList],
    focused: {outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
              outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
              outlineColor: style.outlineColor, boxShadow: style.boxShadow,
              background: style.backgroundColor},
    unfocused, backdrop,
    inWindow: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth
              && box.width > 1 && box.height > 1,
    uncovered: !!top && (top === el || el.contains(top) || top.contains(el)
                         || (el.labels && [...el.labels].some((label) => label.contains(top)))),
  };
}"""
)
