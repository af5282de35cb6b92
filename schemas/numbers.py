"""The output schema of the numbers check's items: quantities with their normalised values."""

from __future__ import annotations

from marshmallow import Schema, fields

from .fields import Offset


class QuantitySchema(Schema):
    """One quantity (``engine.numbers.Quantity``); offsets follow ``options.offsets``."""

    start = Offset()
    end = Offset()
    text = fields.String(dump_only=True)
    kind = fields.String(dump_only=True)
    value = fields.Float(dump_only=True, allow_none=True)
    unit = fields.String(dump_only=True, allow_none=True)
    low = fields.Float(dump_only=True, allow_none=True)
    high = fields.Float(dump_only=True, allow_none=True)
    range_of = fields.String(dump_only=True, allow_none=True)
    precision = fields.Integer(dump_only=True)
    step = fields.Float(dump_only=True)
    approx = fields.String(dump_only=True, allow_none=True)
    bound = fields.String(dump_only=True, allow_none=True)
    date = fields.String(dump_only=True, allow_none=True)
    category = fields.String(dump_only=True, allow_none=True)
    role = fields.String(dump_only=True, allow_none=True)
    delta = fields.Boolean(dump_only=True)
    restates = fields.Boolean(dump_only=True)
    sentence = fields.Integer(dump_only=True)
