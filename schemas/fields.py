"""Fields shared by the request and response schemas."""

from __future__ import annotations

import re

from marshmallow import ValidationError, fields

from .context import dump_state

_SURROGATE = re.compile("[\ud800-\udfff]")


class Text(fields.String):
    """A string that is valid Unicode.

    JSON may carry an unpaired surrogate such as ``"\\ud800"``; Python keeps it in the string,
    and it would break any later encoding of the text, so it is refused here.
    """

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        bad = _SURROGATE.search(text)
        if bad is not None:
            raise ValidationError(
                f"Contains an unpaired surrogate (\\u{ord(bad.group()):04x}) at position {bad.start()}; "
                "send valid Unicode text."
            )
        return text


class Offset(fields.Integer):
    """A code point offset into the article being dumped, written in the unit the client asked for."""

    def __init__(self, **kwargs):
        super().__init__(dump_only=True, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return dump_state().offset(value)
