"""Every error raised in hrapp is worded in Vietnamese and English by hrapp/messages (or listed as not yet)."""

from __future__ import annotations

import ast
import re
import string
from datetime import date
from pathlib import Path

import pytest

from hrapp import errors, messages
from hrapp.domain import validation as v
from hrapp.errors import AuthenticationError, DatabaseError, HrappError, ValidationError

HRAPP = Path(__file__).resolve().parents[2] / "hrapp"
ERROR_CLASSES = {name for name in dir(errors) if name.endswith("Error")} | {"ImportFileError", "CliError"}
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)


@pytest.fixture(autouse=True)
def _vietnamese_after():
    yield
    messages.set_language("vi")


def raise_sites() -> list[tuple[str, int, str, str, bool, set[str]]]:
    """(file, line, class, code, passes its own sentence, keyword parameters) of every `XError("code", ...)`."""
    found = []
    for path in sorted(HRAPP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ERROR_CLASSES or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            has_message = len(node.args) > 1 or any(k.arg == "message" for k in node.keywords)
            params = {k.arg for k in node.keywords if k.arg not in (None, "field", "message")}
            found.append((str(path.relative_to(HRAPP.parent)), node.lineno, name, first.value, has_message, params))
    return found


def placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def entry(cls: str, code: str) -> tuple[str, str] | None:
    return messages.entry_of(code, "account" if cls == "AuthenticationError" else "")


def test_the_sites_are_found():
    sites = raise_sites()
    assert len(sites) > 250
    assert ("hrapp/context.py", "conflict") in {(s[0], s[3]) for s in sites}


def test_every_code_raised_is_worded_in_both_languages_or_listed_as_not_yet():
    missing = sorted({f"{f}:{line} {code}" for f, line, cls, code, _m, _p in raise_sites()
                      if entry(cls, code) is None and code not in messages.NOT_YET_WORDED})
    assert missing == []


def test_the_list_of_codes_not_yet_worded_is_honest():
    raised = {code for *_x, code, _m, _p in raise_sites()}
    assert sorted(messages.NOT_YET_WORDED - raised) == []  # nothing listed that is no longer raised
    assert sorted(c for c in messages.NOT_YET_WORDED if c in messages.MESSAGES) == []
    assert len(messages.NOT_YET_WORDED) <= 2  # shrink it: word a code, then take it off the list


def test_vietnamese_and_english_name_the_same_parameters_and_neither_is_in_the_other_language():
    for code, (vi, en) in messages.MESSAGES.items():
        assert vi and en, code
        assert placeholders(vi) == placeholders(en), code
        assert not VIETNAMESE.search(en), (code, en)


def test_a_site_without_its_own_sentence_gives_every_parameter_of_the_sentence():
    problems = []
    for f, line, cls, code, has_message, params in raise_sites():
        worded = entry(cls, code)
        if worded is None:
            if not has_message:
                problems.append(f"{f}:{line} {code}: no sentence at all")
            continue
        needed = placeholders(worded[1])
        if not needed <= params:
            problems.append(f"{f}:{line} {code}: lacks {sorted(needed - params)}")
    assert problems == []


def test_an_error_is_worded_in_the_language_asked_for_and_keeps_its_code_and_parameters():
    exc = DatabaseError("backup_missing", path="/x/a.sqlite3")
    assert exc.code == "backup_missing" and exc.params == {"path": "/x/a.sqlite3"}
    assert messages.render(exc, "vi") == "Không tìm thấy tệp sao lưu /x/a.sqlite3."
    assert messages.render(exc, "en") == "Backup file not found: /x/a.sqlite3."
    messages.set_language("en")
    assert exc.message == str(exc) == "Backup file not found: /x/a.sqlite3."


def test_a_sentence_of_the_raise_site_stays_the_vietnamese_and_the_fallback():
    worded = HrappError("person_not_found", "Không tìm thấy người này.")
    assert messages.render(worded, "vi") == "Không tìm thấy người này."
    assert messages.render(worded, "en") == "This person's record was not found (it may have been deleted)."
    not_yet = HrappError("planning_limit", "Không thể đưa vào quy hoạch: An: đã đủ người.")
    assert messages.render(not_yet, "en") == "Không thể đưa vào quy hoạch: An: đã đủ người."
    detailed = HrappError("plan_empty", "Kế hoạch năm 2026 chưa có dòng nào để phê duyệt.")
    assert messages.render(detailed, "vi") == "Kế hoạch năm 2026 chưa có dòng nào để phê duyệt."
    assert messages.render(detailed, "en") == "The plan has no line to approve."


def test_an_account_locked_is_not_a_database_locked():
    account = AuthenticationError("locked", failures=5, minutes=15)
    database = DatabaseError("locked")
    assert "5" in messages.render(account, "en") and "locked" in messages.render(account, "en")
    assert messages.render(database, "en").startswith("The database is busy")


def test_validation_messages_are_worded_again_in_the_other_language_with_their_labels():
    pairs = v.collect(("birth_date", v.birth_date_error(date(2030, 1, 2), date(2026, 12, 7))),
                      ("id_issue_date", v.not_before_birth_error(date(1990, 1, 1), date(1991, 5, 6), "Ngày cấp CCCD")),
                      ("id_number", v.cccd_error("12ab")))
    exc = ValidationError(pairs)
    assert exc.message.startswith("Ngày sinh (02/01/2030) không được sau ngày hôm nay.; Ngày cấp CCCD (01/01/1990)")
    english = messages.render(exc, "en")
    assert english == ("The date of birth (02/01/2030) is after today.; ID card issue date (01/01/1990) cannot be "
                       "before the date of birth (06/05/1991).; The ID card number '12ab' may contain digits only.")
    messages.set_language("en")
    assert v.phone_error("abc") == "The phone number 'abc' is not valid."


def test_a_permission_refusal_names_the_role_and_right_in_english():
    from hrapp.security import PERMISSION_LABELS, ROLE_LABELS

    exc = errors.PermissionDeniedError("permission_denied", user="an", role=ROLE_LABELS["xem"],
                                       right=PERMISSION_LABELS["write"], permission="write")
    assert messages.render(exc, "en") == ("The account an (role: Read only (personal details hidden)) has no right "
                                          "to add and change data.")
    assert "không có quyền thêm, sửa dữ liệu" in messages.render(exc, "vi")


def test_every_sentence_made_with_text_or_word_is_in_the_table_with_its_parameters():
    problems = []
    for path in sorted(HRAPP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                    and n.module == "hrapp.messages" for a in n.names}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            func = node.func
            ours = (isinstance(func, ast.Name) and func.id in ("text", "word") and func.id in imported) or (
                isinstance(func, ast.Attribute) and func.attr in ("text", "word")
                and getattr(func.value, "id", "") == "messages")
            if not ours:
                continue
            code = node.args[0].value
            if code not in messages.MESSAGES:
                problems.append(f"{path.name}:{node.lineno} {code}: not in the table")
                continue
            given = {k.arg for k in node.keywords}
            if len(node.args) > 1 and isinstance(node.args[1], ast.Dict):
                given |= {k.value for k in node.args[1].keys if isinstance(k, ast.Constant)}
            needed = placeholders(messages.MESSAGES[code][0]) | placeholders(messages.MESSAGES[code][1])
            if not needed <= given:
                problems.append(f"{path.name}:{node.lineno} {code}: lacks {sorted(needed - given)}")
    assert problems == []


def test_the_errors_of_a_decision_read_in_either_language():
    from hrapp.services.decisions import DecisionInput, validate_decision

    with pytest.raises(ValidationError) as err:
        validate_decision(DecisionInput(number="", sign_date=date(2024, 3, 5), effective_date=date(2024, 3, 1)))
    assert [f for f, _ in err.value.errors] == ["decision.number", "decision.effective_date"]
    assert messages.render(err.value, "vi") == ("Chưa nhập số quyết định.; Ngày hiệu lực (01/03/2024) không được "
                                                "trước ngày ký (05/03/2024).")
    assert messages.render(err.value, "en") == ("The decision number is missing.; The effective date (01/03/2024) "
                                                "cannot be before the signing date (05/03/2024).")


def test_a_subclass_may_give_its_own_vietnamese_sentence_after_the_fact():
    class OneLine(ValidationError):
        def __init__(self, pairs):
            super().__init__(pairs)
            self.message = " ".join(m for _f, m in self.errors)

    exc = OneLine([("phone", v.phone_error("12")), ("email", v.email_error("x"))])
    assert exc.message == str(exc) == ("Số điện thoại '12' không hợp lệ. Thư điện tử 'x' không đúng dạng "
                                       "(ví dụ: ten@skhcn.gov.vn).")
    assert messages.render(exc, "en").startswith("The phone number '12' is not valid.; The e-mail address 'x'")


# Services whose field messages are still plain Vietnamese sentences (shown in Vietnamese in the English
# interface), with how many: word them with messages.text and lower the count; a count too high fails too.
PLAIN_FIELD_MESSAGES_LEFT: dict[str, int] = {}


def plain_field_messages(path: Path) -> list[int]:
    """Lines of `errors.append((field, "…"))` and `XError([(field, "…")])` whose message is a literal
    Vietnamese sentence (or f-string) rather than a worded messages.text(...)."""
    source = path.read_text(encoding="utf-8")
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
        first = node.args[0]
        if name == "append" and isinstance(first, ast.Tuple):
            pairs = [first]
        elif name.endswith("Error") and isinstance(first, ast.List):
            pairs = [e for e in first.elts if isinstance(e, ast.Tuple)]
        else:
            continue
        for pair in pairs:
            if len(pair.elts) != 2 or not isinstance(pair.elts[1], (ast.Constant, ast.JoinedStr)):
                continue
            if VIETNAMESE.search(ast.get_source_segment(source, pair.elts[1]) or ""):
                lines.append(pair.elts[1].lineno)
    return lines


def test_the_field_messages_of_the_services_are_worded_in_both_languages():
    found = {path.name: plain_field_messages(path) for path in sorted((HRAPP / "services").glob("*.py"))}
    over = {name: lines for name, lines in found.items() if len(lines) > PLAIN_FIELD_MESSAGES_LEFT.get(name, 0)}
    assert over == {}  # a new plain sentence: word it with messages.text("code", ...) in hrapp/messages
    stale = {name: (n, len(found.get(name, []))) for name, n in PLAIN_FIELD_MESSAGES_LEFT.items()
             if len(found.get(name, [])) < n}
    assert stale == {}  # fewer left than listed: lower the count (or take the file off the list)


def test_the_scan_of_field_messages_sees_a_plain_sentence(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('errors.append(("name", "Chưa nhập tên."))\n'
                      'raise ValidationError([("code", f"Mã {code} đã có.")])\n'
                      'errors.append(("name", messages.text("person_name_missing")))\n', encoding="utf-8")
    assert plain_field_messages(sample) == [1, 2]


def test_a_field_message_of_a_service_reads_in_english():
    from hrapp.services import agency, org

    exc = ValidationError([("parent_id", messages.text("unit_already_under", unit="Phòng A", parent="Sở B"))])
    assert messages.render(exc, "vi") == "Phòng A đã trực thuộc Sở B."
    assert messages.render(exc, "en") == "Phòng A is already under Sở B."
    assert org.ValidationError is ValidationError
    refused = agency.AgencyError([agency.AgencyProblem("agency_required", "name", {}),
                                  agency.AgencyProblem("agency_too_long", "short", {"limit": 20})])
    assert messages.render(refused, "vi") == "Chưa nhập tên cơ quan. Tên viết tắt dài quá 20 ký tự."
    assert messages.render(refused, "en") == ("The agency name is missing. Short name is longer than 20 "
                                              "characters.")


def plain_import_messages(path: Path) -> list[int]:
    """Lines where an import's row message is a literal Vietnamese sentence (or f-string): the message given to
    `issues.add(...)` or `ImportIssue(...)` (its last argument), a cell's complaint `_Bad("…")`, and the field
    messages the services' scan looks for."""
    source = path.read_text(encoding="utf-8")
    lines = plain_field_messages(path)
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
        if name not in ("add", "ImportIssue", "_Bad"):
            continue
        message = node.args[-1]
        if isinstance(message, (ast.Constant, ast.JoinedStr)) and \
                VIETNAMESE.search(ast.get_source_segment(source, message) or ""):
            lines.append(message.lineno)
    return sorted(lines)


def test_the_row_messages_of_the_imports_are_worded_in_both_languages():
    found = {path.name: plain_import_messages(path) for path in sorted((HRAPP / "io").glob("*.py"))}
    assert {name: lines for name, lines in found.items() if lines} == {}  # word them with messages.text("code")
    assert "excel_import.py" in found and "org_import.py" in found and "candidate_import.py" in found


def test_the_scan_of_import_messages_sees_a_plain_sentence(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('issues.add(sheet, 2, "code", value, "Mã đơn vị đã có.")\n'
                      'raise _Bad(f"còn {n} chữ số")\n'
                      'items.append(ImportIssue(name, 0, "", "", f"Không có trang “{name}”."))\n'
                      'issues.add(sheet, 2, None, "", text("import_no_rows", sheet=name))\n'
                      'errors.append(("decision.number", "Có ngày ký thì phải có số quyết định."))\n',
                      encoding="utf-8")
    assert plain_import_messages(sample) == [1, 2, 3, 5]


def test_a_code_worded_in_two_parts_of_the_table_is_refused():
    from hrapp.messages import _one_table

    assert _one_table({"a": ("A", "A")}, {"b": ("B", "B")}) == {"a": ("A", "A"), "b": ("B", "B")}
    with pytest.raises(ValueError, match="'a'"):
        _one_table({"a": ("A", "A")}, {"a": ("Á", "A")})
