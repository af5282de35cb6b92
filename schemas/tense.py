"""The output schema of the tense check's items: verb groups with their tense and aspect."""

from __future__ import annotations

from marshmallow import Schema, fields

from .fields import Offset


class VerbGroupSchema(Schema):
    """One finite verb group (``engine.tense.VerbGroup``); offsets follow ``options.offsets``."""

    start = Offset()
    end = Offset()
    text = fields.String(dump_only=True)
    head_start = Offset()
    head_end = Offset()
    lemma = fields.String(dump_only=True)
    tense = fields.String(dump_only=True)
    aspect = fields.String(dump_only=True)
    voice = fields.String(dump_only=True)
    modality = fields.String(dump_only=True, allow_none=True)
    polarity = fields.String(dump_only=True)
    sentence = fields.Integer(dump_only=True)
    reported = fields.Boolean(dump_only=True)
