"""Fields shared by the request and response schemas."""

from __future__ import annotations

import re
from collections.abc import Callable

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


class BoundedList(fields.List):
    """A list whose length is checked before any of its items is.

    A list far over the limit then costs one comparison and one error, not work and an error
    for every item. ``max_items`` is a number or a function giving one (a limit from the app's
    configuration); ``too_many(count, limit)`` words the error.
    """

    def __init__(
        self,
        cls_or_instance,
        *,
        max_items: int | Callable[[], int],
        too_many: Callable[[int, int], str] | None = None,
        **kwargs,
    ):
        super().__init__(cls_or_instance, **kwargs)
        self.max_items = max_items
        self.too_many = too_many or (lambda n, limit: f"Has {n} items; at most {limit} are accepted.")

    def _deserialize(self, value, attr, data, **kwargs):
        limit = self.max_items() if callable(self.max_items) else self.max_items
        if isinstance(value, list | tuple) and len(value) > limit:
            raise ValidationError(self.too_many(len(value), limit))
        return super()._deserialize(value, attr, data, **kwargs)
