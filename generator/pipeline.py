"""The input half, one stage after another: load -> validate -> the catalog -> checks."""

from __future__ import annotations

from pathlib import Path

from . import checks
from .catalog import Catalog, RecordKey
from .load import DISTRICT_FILE, Document, load_catalog
from .model import District, LegalLibrary, Procedure, Record, Ward
from .problems import Problem, collapse, sort_problems
from .validate import build


def read_catalog(root: Path, *, check: bool = True) -> tuple[Catalog, list[Problem]]:
    """Run every input stage on ``root``; problems come sorted, errors first. ``check=False`` leaves
    out the cross-record checks (a build that runs them at the same time in another process)."""
    loaded = load_catalog(root)
    problems = list(loaded.problems)
    sources: dict[RecordKey, Document] = {}
    # Ids (file names) of records that other files may name but that did not load or validate.
    failed: set[str] = {path.stem for path in loaded.unreadable if path.name != DISTRICT_FILE}

    def validated(document: Document, model: type[Record]) -> Record | None:
        record, found = build(document, model)
        problems.extend(found)
        return record

    district = None
    if loaded.district is not None:
        district = validated(loaded.district, District)
        if district is not None:
            sources[("district", "")] = loaded.district
    library = None
    if loaded.laws is not None:
        library = validated(loaded.laws, LegalLibrary)
        if library is not None:
            sources[("van-ban", "")] = loaded.laws
    tables: dict[str, dict[str, Procedure | Ward]] = {"thu-tuc": {}, "phuong": {}}
    for kind, documents, model in (("thu-tuc", loaded.procedures, Procedure), ("phuong", loaded.wards, Ward)):
        table = tables[kind]
        for document in documents:
            record = validated(document, model)
            if record is None:
                failed.add(document.stem)
            elif record.id in table:
                first = sources[(kind, record.id)].display
                problems.append(
                    document.problem(("id",), f"mã '{record.id}' đã được dùng ở tệp {first}; mỗi mã chỉ dùng một lần")
                )
            else:
                table[record.id] = record
                sources[(kind, record.id)] = document

    catalog = Catalog(
        district,  # type: ignore[arg-type]
        dict(sorted(tables["thu-tuc"].items())),  # type: ignore[arg-type]
        dict(sorted(tables["phuong"].items())),  # type: ignore[arg-type]
        sources,
        library,  # type: ignore[arg-type]
        frozenset(failed),
    )
    if check:
        problems.extend(checks.run(catalog))
    return catalog, collapse(sort_problems(problems))
