"""The catalog as one value, and the pipeline that builds it: load -> validate -> checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import checks
from .load import DISTRICT_FILE, Document, load_catalog
from .model import District, Procedure, Ward
from .problems import Problem, sort_problems
from .validate import build


@dataclass(frozen=True)
class Catalog:
    """Every valid record of a catalog folder, sorted by id, with the documents they came from."""

    root: Path
    district: District | None
    procedures: dict[str, Procedure]
    wards: dict[str, Ward]
    documents: dict[int, Document] = field(repr=False)
    failed: frozenset[str] = frozenset()
    """Ids (file names) of procedure and ward files that did not load or validate."""

    def document(self, record: object) -> Document:
        """The document a record was read from (for positions in messages)."""
        return self.documents[id(record)]


def read_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    """Run every stage on ``root``; problems come sorted, errors first."""
    loaded = load_catalog(root)
    problems = list(loaded.problems)
    documents: dict[int, Document] = {}
    # Ids (file names) of records that other files may name but that did not load or validate.
    failed: set[str] = {path.stem for path in loaded.unreadable if path.name != DISTRICT_FILE}

    def validated(document: Document, model: type) -> object | None:
        record, found = build(document, model)
        problems.extend(found)
        if record is not None:
            documents[id(record)] = document
        return record

    district = validated(loaded.district, District) if loaded.district else None
    procedures: dict[str, Procedure] = {}
    wards: dict[str, Ward] = {}
    for docs, model, table in ((loaded.procedures, Procedure, procedures), (loaded.wards, Ward, wards)):
        for document in docs:
            record = validated(document, model)
            if record is None:
                failed.add(document.stem)
            elif record.id in table:
                first = documents[id(table[record.id])].display
                problems.append(
                    document.problem(("id",), f"mã '{record.id}' đã được dùng ở tệp {first}; mỗi mã chỉ dùng một lần")
                )
            else:
                table[record.id] = record

    catalog = Catalog(
        root,
        district,
        dict(sorted(procedures.items())),
        dict(sorted(wards.items())),
        documents,
        frozenset(failed),
    )
    problems.extend(checks.run(catalog))
    return catalog, sort_problems(problems)
