"""Synthetic catalogs for benchmarks: N wards x P procedures, valid, built from the real catalog."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "procedures"


def synthesize(target: Path, wards: int, procedures: int = 5) -> Path:
    """Write a catalog with ``wards`` wards each adopting ``procedures`` procedures."""
    if target.exists():
        shutil.rmtree(target)
    (target / "thu-tuc").mkdir(parents=True)
    (target / "phuong").mkdir()
    district = (REAL / "district.yaml").read_text(encoding="utf-8")
    # A district in force with every ward posting: drop the real one's end (its successors are not here).
    district = re.sub(r"^hieu_luc:\n(?:[ #].*\n|\n)*", "", district, flags=re.M)
    (target / "district.yaml").write_text(district.replace("phuong: hang-bai", "phuong: thu-0001"), encoding="utf-8")
    shutil.copy(REAL / "van-ban.yaml", target / "van-ban.yaml")
    sources = sorted((REAL / "thu-tuc").glob("*.yaml"))
    ids = []
    for i in range(procedures):
        source = sources[i % len(sources)]
        suffix = "" if i < len(sources) else f"-{i // len(sources)}"
        pid = source.stem + suffix
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: {pid}\n", 1)
        if suffix:
            text = re.sub(r"^ten: (.*)$", rf"ten: \1 (bản {i // len(sources)})", text, count=1, flags=re.M)
            text = re.sub(r"^ten_ngan: (.*)$", rf"ten_ngan: \1 (bản {i // len(sources)})", text, count=1, flags=re.M)
        (target / "thu-tuc" / f"{pid}.yaml").write_text(text, encoding="utf-8")
        ids.append(pid)
    template = (REAL / "phuong" / "hang-bai.yaml").read_text(encoding="utf-8")
    head, _, _ = template.partition("thu_tuc_khong_cho:")
    _, _, tail = template.partition("ket_qua:")
    for n in range(1, wards + 1):
        wid = f"thu-{n:04d}"
        text = head.replace("id: hang-bai", f"id: {wid}").replace("ten: Hàng Bài", f"ten: Thử {n:04d}")
        text += "thu_tuc_khong_cho:\n" + "".join(
            f"  - thu_tuc: {pid}\n    tu_ngay: 2021-07-01\n"
            + (
                "    nguon: &thi-diem {ten: Danh mục thử, co_quan: Phường thử}\n"
                if i == 0
                else "    nguon: *thi-diem\n"
            )
            for i, pid in enumerate(ids)
        )
        text += "ket_qua:" + tail
        (target / "phuong" / f"{wid}.yaml").write_text(text, encoding="utf-8")
    return target
