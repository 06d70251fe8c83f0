"""Load stage: catalog YAML files to plain data, remembering where every value stands.

The YAML is read with a deliberately small resolver (YAML 1.2 core, minus floats): only
``true``/``false``, ``null``/``~``/empty and plain decimal integers get a type; everything else
stays text, so ``15:00`` is not 900, ``no`` is not false, ``0243...`` keeps its zero and
``2022-05-14`` is text until the model decides it is a date. Nodes are walked by our own code, so
no tag can construct a Python object, duplicate keys are caught, and alias expansion is bounded.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fmt import number
from .problems import FILE_FIELD, Problem, display_path, os_reason

MAX_BYTES = 1_000_000
"""A catalog file is a few kilobytes; anything this large is a mistake (or an attack)."""
MAX_NODES = 20_000
"""Upper bound on values in one file after alias expansion (stops "billion laughs")."""
MAX_DEPTH = 40
MAX_DIGITS = 15
"""Longest integer a catalog may hold (fees and counts are far below 10^15)."""
MAX_REPORTED = 20
"""Invisible characters reported one per line, for at most this many lines of a file."""

Loc = tuple[str | int, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose implicit types are only bool, null and decimal int."""


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))

_TAG = "tag:yaml.org,2002:"
_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}

# PyYAML's and libyaml's problem texts, in the words an editor understands.
_YAML_MESSAGES = [
    (
        "cannot start any token",
        "có ký tự không được phép ở đầu giá trị (Tab, @ hoặc `?); hãy đặt giá trị trong ngoặc kép",
    ),
    (
        "mapping values are not allowed",
        "dấu ':' không đúng chỗ: dòng này có thể thụt lề sai, hoặc giá trị có dấu ':' cần đặt trong ngoặc kép",
    ),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường, hoặc thụt lề sai"),
    ("did not find expected key", "thụt lề không khớp với các dòng trên"),
    ("expected <block end>", "thụt lề không khớp với các dòng trên"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không khớp"),
    ("found undefined alias", "tham chiếu (*alias) tới một neo (&anchor) chưa được định nghĩa"),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép hoặc ngoặc đóng"),
    ("did not find expected node content", "thiếu giá trị, hoặc thiếu ngoặc đóng ']' hay '}'"),
    ("did not find expected ',' or ']'", "danh sách trong ngoặc vuông thiếu dấu ',' hoặc ngoặc đóng ']'"),
    ("did not find expected ',' or '}'", "bảng trong ngoặc nhọn thiếu dấu ',' hoặc ngoặc đóng '}'"),
    (
        "found character that cannot start any token",
        "có ký tự không được phép ở đầu giá trị; hãy đặt giá trị trong ngoặc kép",
    ),
    ("found unknown escape character", "chuỗi trong ngoặc kép có ký tự thoát (\\) không hợp lệ; dùng ngoặc đơn"),
    ("special characters are not allowed", "tệp chứa ký tự điều khiển không được phép"),
    ("exceeded maximum nesting depth", f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)"),
    ("expected a single document", "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"),
    ("but found another document", "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"),
]


@dataclass(frozen=True)
class Document:
    """One loaded YAML file: its plain data and the position of every value and key."""

    path: Path
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(repr=False)
    key_positions: dict[Loc, tuple[int, int]] = field(repr=False)
    header: str = ""
    """The file's first line (where the JSON Schema comment belongs)."""

    @property
    def display(self) -> str:
        return display_path(self.path)

    @property
    def stem(self) -> str:
        return self.path.stem

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of ``loc``, or of its nearest existing parent."""
        table = self.key_positions if key else self.positions
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if not key and loc in self.key_positions:
                return self.key_positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False, **kw: Any) -> Problem:
        """A problem pointing at ``loc`` in this file."""
        line, column = self.where(loc, key=key)
        return Problem(self.display, line, column, format_loc(loc), message, **kw)


def format_loc(loc: Loc) -> str:
    """``('thanh_phan_ho_so', 2, 'ten')`` -> ``thanh_phan_ho_so[2].ten``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or FILE_FIELD


class LoadError(Exception):
    """Raised inside this module only; carries the problems of one file."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def _file_problem(display: str, message: str, line: int = 1, column: int = 1) -> LoadError:
    return LoadError([Problem(display, line, column, FILE_FIELD, message)])


def decode(raw: bytes, display: str) -> str:
    """UTF-8 (BOM allowed) to NFC text with ``\\n`` line ends, or a LoadError saying how to fix it."""
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            raise _file_problem(display, f"tệp được lưu ở dạng {name}; hãy lưu lại dưới dạng UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1  # characters, as editors count
        bad = raw[exc.start : exc.start + 1].hex().upper()
        raise _file_problem(
            display,
            f"tệp không phải UTF-8 (byte 0x{bad} không hợp lệ); có thể tệp được lưu bằng bảng mã "
            "Windows-1258 hoặc TCVN3. Hãy mở tệp và lưu lại dưới dạng UTF-8",
            line,
            column,
        ) from None
    if "\x00" in text:
        raise _file_problem(display, "tệp chứa byte 0 (tệp nhị phân?); hãy lưu lại dưới dạng văn bản UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_HIDDEN_KINDS = {
    "Cc": "ký tự điều khiển",
    "Cf": "ký tự định dạng vô hình",
    "Cs": "ký tự mã hóa hỏng",
    "Co": "ký tự thuộc vùng dùng riêng",
    "Cn": "ký tự không có trong bảng mã Unicode",
}
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\x85\u2028\u2029")
"""YAML's hidden line breaks: ``parse`` turns them into spaces, so they are not reported."""


def hidden_kind(char: str) -> str | None:
    """What makes ``char`` unfit for catalog text (control, invisible, bidirectional...), or None.

    Such characters cannot be seen in an editor: a zero-width space makes two equal names differ,
    a bidirectional override shows text in another order than it is read, a noncharacter breaks
    other programs' parsers. Tab and newline are allowed (indentation Tabs are reported on their own).
    """
    if char in "\t\n" or char in _LINE_BREAKS:
        return None
    if char in _BIDI:
        return "ký tự đổi chiều văn bản"
    return _HIDDEN_KINDS.get(unicodedata.category(char))


def hidden_characters(text: str) -> list[tuple[int, int, str, int]]:
    """(line, column, first character, how many on that line) for lines holding hidden characters."""
    found = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.isprintable():  # fast path: most lines
            continue
        hits = [(column, char) for column, char in enumerate(line, start=1) if hidden_kind(char)]
        if hits:
            found.append((line_no, hits[0][0], hits[0][1], len(hits)))
    return found


def _hidden_problems(
    display: str, hidden: list[tuple[int, int, str, int]], positions: dict[Loc, tuple[int, int]]
) -> list[Problem]:
    """One problem per line with hidden characters, naming the field that holds it when known."""
    ordered = sorted(positions.items(), key=lambda item: item[1])
    problems = []
    for line, column, char, count in hidden[:MAX_REPORTED]:
        loc: Loc | None = None
        for candidate, where in ordered:  # the last value starting at or before the character
            if where > (line, column):
                break
            loc = candidate
        more = f" (dòng này còn {count - 1} ký tự như vậy)" if count > 1 else ""
        message = (
            f"có {hidden_kind(char)} U+{ord(char):04X} ở cột {column}, không nhìn thấy được khi soạn thảo; "
            f"hãy xóa ký tự này{more}"
        )
        problems.append(Problem(display, line, column, format_loc(loc) if loc else FILE_FIELD, message))
    if len(hidden) > MAX_REPORTED:
        rest = len(hidden) - MAX_REPORTED
        problems.append(
            Problem(display, hidden[MAX_REPORTED][0], 1, FILE_FIELD, f"còn {rest} dòng khác có ký tự như vậy")
        )
    return problems


def _tab_problems(text: str, display: str) -> list[Problem]:
    problems = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    display,
                    line_no,
                    indent.index("\t") + 1,
                    FILE_FIELD,
                    "dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách",
                )
            )
    return problems


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])""")


def _unclosed_quote(text: str, until: int) -> tuple[int, int] | None:
    """Line and column of the first value opened with a quote and not closed on its line, up to ``until``.

    Only consulted after a parse error: a quote left open swallows the following lines, so the
    parser's own position is far from the mistake.
    """
    lines = text.split("\n")
    for line_no, line in enumerate(lines[:until], start=1):
        match = _QUOTED_START.match(line)
        if not match:
            continue
        following = next((later for later in lines[line_no:] if later.strip()), "")
        if len(following) - len(following.lstrip(" ")) > len(line) - len(line.lstrip(" ")):
            continue  # continued on a deeper-indented line: a legal multi-line quoted value
        rest = line[match.end() :]
        if match.group(1) == '"':
            closed = re.search(r'(?<!\\)"', rest.replace("\\\\", ""))
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return line_no, match.start(1) + 1
    return None


def _yaml_message(exc: yaml.YAMLError) -> str:
    text = " ".join(str(part) for part in (getattr(exc, "context", ""), getattr(exc, "problem", "")) if part)
    for needle, message in _YAML_MESSAGES:
        if needle in text:
            return message
    return f"lỗi cú pháp YAML ({getattr(exc, 'problem', None) or exc})"


class _Walker:
    """Turns a composed node tree into plain data plus position tables."""

    def __init__(self, display: str):
        self.display = display
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.key_positions: dict[Loc, tuple[int, int]] = {}
        self.count = 0

    def fail(self, node: yaml.Node, message: str, loc: Loc) -> LoadError:
        mark = node.start_mark
        return LoadError([Problem(self.display, mark.line + 1, mark.column + 1, format_loc(loc), message)])

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(
                node,
                f"tệp có quá nhiều giá trị (hơn {number(MAX_NODES)}) sau khi mở rộng tham chiếu; "
                "có thể là một 'bom alias'",
                loc,
            )
        if len(loc) > MAX_DEPTH:
            raise self.fail(node, f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)", loc)
        self.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.fail(node, f"thẻ YAML '{node.tag}' không được phép", loc)
            return [self.walk(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        if node.tag != _TAG + "map":
            raise self.fail(node, f"thẻ YAML '{node.tag}' không được phép", loc)
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                raise self.fail(key_node, "tên trường phải là chữ (ví dụ: ten, dia_chi)", loc)
            key = key_node.value
            if key in first_seen:
                raise self.fail(
                    key_node,
                    f"trường '{key}' bị lặp lại (đã có ở dòng {first_seen[key]}); mỗi trường chỉ được ghi một lần",
                    (*loc, key),
                )
            first_seen[key] = key_node.start_mark.line + 1
            self.key_positions[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.walk(value_node, (*loc, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        tag, value = node.tag, node.value
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "null" and value in ("", "~", "null", "Null", "NULL"):
            return None
        if tag == _TAG + "bool" and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if tag == _TAG + "int" and re.fullmatch(r"-?(?:0|[1-9][0-9]*)", value):
            if len(value.lstrip("-")) > MAX_DIGITS:
                # Python refuses to read integers of more than 4,300 digits; none is plausible here.
                raise self.fail(node, f"số quá lớn (hơn {MAX_DIGITS} chữ số)", loc)
            return int(value)
        raise self.fail(node, f"thẻ YAML '{tag}' không được phép với giá trị '{value}'", loc)


def parse(text: str, display: str) -> tuple[Any, dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
    """Parse decoded text; returns data and the value and key position tables, or raises LoadError."""
    # YAML counts NEL, LS and PS as line breaks, editors do not: text pasted from the web keeps
    # them invisibly, and every position after them would be one line off. They become spaces.
    text = text.replace("\x85", " ").replace("\u2028", " ").replace("\u2029", " ")
    # Lines of nothing but spaces and Tabs carry no data; emptied, their Tabs cannot trip the parser.
    text = "\n".join("" if not line.strip(" \t") else line for line in text.split("\n"))
    tabs = _tab_problems(text, display)
    if tabs:
        raise LoadError(tabs)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        opened = _unclosed_quote(text, line)
        if opened is not None and opened[0] < line:
            message = "thiếu dấu ngoặc kép (hoặc ngoặc đơn) đóng: giá trị mở ngoặc ở đây chưa được đóng trên cùng dòng"
            raise _file_problem(display, message, *opened) from None
        raise _file_problem(display, _yaml_message(exc), line, column) from None
    except yaml.YAMLError as exc:
        raise _file_problem(display, _yaml_message(exc)) from None
    finally:
        loader.dispose()
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null" and node.value == ""):
        raise _file_problem(display, "tệp rỗng; hãy điền các trường theo mẫu (python -m generator new ...)")
    walker = _Walker(display)
    try:
        data = walker.walk(node, ())
    except RecursionError:
        raise _file_problem(display, f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)") from None
    return data, walker.positions, walker.key_positions


def load_file(path: Path) -> Document:
    """Read and parse one catalog file; raises LoadError with every problem found."""
    display = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _file_problem(display, f"tệp quá lớn ({number(size)} byte, tối đa {number(MAX_BYTES)})")
        raw = path.read_bytes()
    except OSError as exc:
        raise _file_problem(display, f"không đọc được tệp ({os_reason(exc)})") from None
    text = decode(raw, display)
    hidden = hidden_characters(text)
    if hidden:
        # Parse a copy with each hidden character made visible (the parser refuses some of them),
        # only to learn which field holds each one; the file itself is refused.
        try:
            _, positions, key_positions = parse("".join("?" if hidden_kind(c) else c for c in text), display)
        except LoadError:
            positions, key_positions = {}, {}
        raise LoadError(_hidden_problems(display, hidden, {**key_positions, **positions}))
    data, positions, key_positions = parse(text, display)
    if not isinstance(data, dict):
        raise _file_problem(
            display,
            "nội dung tệp phải là các cặp 'trường: giá trị' (một bảng), không phải danh sách hay một giá trị đơn",
        )
    return Document(path, data, positions, key_positions, text.split("\n", 1)[0])


@dataclass
class LoadedCatalog:
    """Every document of a catalog folder, by kind, and the problems met while loading."""

    root: Path
    district: Document | None
    laws: Document | None
    procedures: list[Document]
    wards: list[Document]
    problems: list[Problem]
    unreadable: list[Path]
    """Catalog files that could not be loaded (their problems are in ``problems``)."""


DISTRICT_FILE = "district.yaml"
LAWS_FILE = "van-ban.yaml"
PROCEDURE_DIR = "thu-tuc"
WARD_DIR = "phuong"


def _entry_problem(root: Path, path: Path) -> str | None:
    """Why ``path`` cannot be read as a catalog file, or None when it is a regular file inside ``root``.

    Nothing is skipped in silence: a ward whose file is a broken link would otherwise vanish from
    the site, and a link to a file elsewhere would publish something nobody reviewed here.
    """
    if any("\udc80" <= c <= "\udcff" for c in path.name):  # undecodable bytes, kept by surrogateescape
        return "tên tệp không phải chữ UTF-8; hãy đặt lại tên tệp bằng chữ không dấu, ví dụ hang-bai.yaml"
    try:
        info = path.stat()
    except FileNotFoundError:
        return "là liên kết tới một tệp không tồn tại; hãy thay bằng tệp thật"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "là liên kết vòng (trỏ lại chính nó); hãy thay bằng tệp thật"
        return f"không đọc được ({os_reason(exc)})"
    if not _inside(root, path):
        return "là liên kết tới một tệp ngoài thư mục danh mục; hãy chép tệp vào đây thay vì liên kết"
    if stat.S_ISDIR(info.st_mode):
        return "là một thư mục, không phải tệp YAML; hãy đổi tên thư mục"
    if not stat.S_ISREG(info.st_mode):
        return "không phải tệp thường (có thể là FIFO hay thiết bị); hãy thay bằng tệp YAML"
    return None


def _inside(root: Path, path: Path) -> bool:
    """True unless ``path`` is a link that leads out of ``root`` (a missing path is inside)."""
    if not path.is_symlink():
        return True
    try:
        path.resolve(strict=True).relative_to(root.resolve(strict=True))
    except (OSError, ValueError):
        return False
    return True


def _catalog_entries(root: Path, folder: str) -> Iterator[Path]:
    directory = root / folder
    try:
        names = sorted(os.listdir(directory))
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in names:
        if not name.startswith(".") and name.lower().endswith((".yaml", ".yml")):
            yield directory / name


def load_catalog(root: Path) -> LoadedCatalog:
    """Load ``district.yaml``, ``van-ban.yaml``, ``thu-tuc/*.yaml`` and ``phuong/*.yaml`` under ``root``."""
    problems: list[Problem] = []

    unreadable: list[Path] = []

    def attempt(path: Path) -> Document | None:
        why = _entry_problem(root, path)
        if why is not None:
            problems.append(Problem(display_path(path), 1, 1, FILE_FIELD, why))
            unreadable.append(path)
            return None
        try:
            return load_file(path)
        except LoadError as exc:
            problems.extend(exc.problems)
            unreadable.append(path)
            return None

    def required(name: str, missing: str) -> Document | None:
        path = root / name
        if path.exists() or path.is_symlink():
            return attempt(path)
        problems.append(Problem(display_path(path), 1, 1, FILE_FIELD, missing))
        return None

    district = required(DISTRICT_FILE, "thiếu tệp thông tin quận (district.yaml)")
    laws = required(LAWS_FILE, "thiếu tệp các văn bản pháp luật được dẫn (van-ban.yaml)")

    kinds: dict[str, list[Document]] = {PROCEDURE_DIR: [], WARD_DIR: []}
    for folder, documents in kinds.items():
        if not _inside(root, root / folder):
            message = "là liên kết tới một thư mục ngoài thư mục danh mục; hãy chép các tệp vào đây"
            problems.append(Problem(display_path(root / folder), 1, 1, FILE_FIELD, message))
            continue
        for path in _catalog_entries(root, folder):
            if path.suffix == ".yaml":
                document = attempt(path)
                if document is not None:
                    documents.append(document)
            else:
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        1,
                        FILE_FIELD,
                        "tệp phải có đuôi .yaml (không phải .yml), nếu không sẽ bị bỏ qua",
                    )
                )
    return LoadedCatalog(root, district, laws, kinds[PROCEDURE_DIR], kinds[WARD_DIR], problems, unreadable)
