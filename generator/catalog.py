"""The catalog as one value: every valid record of a catalog folder, and the document each came from.

Pure data, below the checks and the rule book: checks read records from it and attach positions
from ``source(record)`` where they report a problem. ``pipeline.read_catalog`` builds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .load import Document
from .model import District, LegalLibrary, LegalText, Procedure, Ward

RecordKey = tuple[str, str]
"""("phuong", id), ("thu-tuc", id), ("district", "") or ("van-ban", ""): a record's kind and id."""


def record_key(record: District | LegalLibrary | Procedure | Ward) -> RecordKey:
    """The key under which a record's document is kept."""
    if isinstance(record, Ward):
        return ("phuong", record.id)
    if isinstance(record, Procedure):
        return ("thu-tuc", record.id)
    if isinstance(record, LegalLibrary):
        return ("van-ban", "")
    return ("district", "")


@dataclass(frozen=True)
class Catalog:
    """Every valid record of a catalog folder, sorted by id."""

    district: District | None
    procedures: Mapping[str, Procedure]
    wards: Mapping[str, Ward]
    sources: Mapping[RecordKey, Document] = field(default_factory=dict, repr=False)
    library: LegalLibrary | None = None
    """The legal documents the catalog cites (van-ban.yaml)."""
    failed: frozenset[str] = frozenset()
    """Ids (file names) of procedure and ward files that did not load or validate."""

    def source(self, record: District | LegalLibrary | Procedure | Ward) -> Document:
        """The document a record was read from (for positions in messages)."""
        return self.sources[record_key(record)]

    @property
    def laws(self) -> dict[str, LegalText]:
        """The legal documents by number (so_ky_hieu)."""
        return {text.so_ky_hieu: text for text in self.library.van_ban} if self.library else {}
