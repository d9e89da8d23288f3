"""Colours as a browser computes them (``rgb(…)``, ``rgba(…)``), and WCAG contrast between them."""

import re

RGB = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")
# One shadow of a computed box-shadow: "rgb(11, 12, 12) 0px 4px 0px 0px" (maybe "inset").
SHADOW = re.compile(r"(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+(-?[\d.]+)px")


def parse(colour: str) -> tuple[float, float, float, float]:
    """(red, green, blue, alpha) of a computed colour."""
    match = RGB.fullmatch(colour.strip())
    if not match:
        raise ValueError(f"not a computed colour: {colour!r}")
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha) if alpha is not None else 1.0


def over(colour: str, backdrop: str) -> tuple[float, float, float]:
    """A colour as seen on top of an opaque backdrop (alpha blended)."""
    *front, alpha = parse(colour)
    back = parse(backdrop)[:3]
    return tuple(alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True))


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(colour: str, backdrop: str) -> float:
    """WCAG contrast ratio of a (possibly translucent) colour drawn on an opaque backdrop."""
    lighter, darker = sorted(
        (luminance(over(colour, backdrop)), luminance(parse(backdrop)[:3])), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def shadows(box_shadow: str) -> list[tuple[str, float]]:
    """Each shadow's colour and how far it reaches beyond (or into) the box, in pixels."""
    if box_shadow == "none":
        return []
    return [
        (colour, max(abs(float(x)), abs(float(y))) + float(spread))
        for colour, x, y, _blur, spread in SHADOW.findall(box_shadow)
    ]
