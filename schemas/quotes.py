"""The output schema of the quote check's items: direct quotations with their speakers."""

from __future__ import annotations

from marshmallow import Schema, fields

from .fields import Offset


class QuotePartSchema(Schema):
    start = Offset()
    end = Offset()


class QuoteSchema(Schema):
    """One direct quotation (``engine.quotes.Quote``); offsets follow ``options.offsets``."""

    start = Offset()
    end = Offset()
    text = fields.String(dump_only=True)
    parts = fields.List(fields.Nested(QuotePartSchema), dump_only=True)
    speaker = fields.String(dump_only=True, allow_none=True)
    speaker_start = Offset(allow_none=True)
    speaker_end = Offset(allow_none=True)
    speaker_is_name = fields.Boolean(dump_only=True)
    cue = fields.String(dump_only=True, allow_none=True)
    depth = fields.Integer(dump_only=True)
    scare = fields.Boolean(dump_only=True)
    closed = fields.Boolean(dump_only=True)
