"""Words of the app's errors, code -> (Vietnamese, English): the imports: the summary line, the rows of a workbook and the checks before it is read."""

WORDS: dict[str, tuple[str, str]] = {
    # the import's summary line (hrapp/io/excel_import.py)
    # the rows of an import (hrapp/io): where a problem is, and what it is; sheet and header names are the file's
    "import_row": ("dòng", "row"),
    "import_column": ("cột", "column"),
    "import_value": ("giá trị", "value"),
    "import_not_a_date": ("không phải ngày (ghi dd/mm/yyyy)", "not a date (write dd/mm/yyyy)"),
    "import_no_such_day": ("ngày không tồn tại", "no such day"),
    "import_no_such_month": ("tháng không tồn tại", "no such month"),
    "import_not_an_integer": ("không phải số nguyên", "not a whole number"),
    "import_must_be_integer": ("phải là số nguyên", "must be a whole number"),
    "import_year_not_whole": ("một năm phải là số nguyên (ví dụ 1980); ô này có phần lẻ",
                              "a year must be a whole number (for example 1980); this cell has a fraction"),
    "import_row_above": ("dòng {row} của tệp này", "row {row} of this file"),
    "import_warnings": (" Có {count} cảnh báo cần kiểm tra (vẫn được nhập).",
                        " {count} warnings to check (imported all the same)."),
    "import_out_of_range": ("ngoài khoảng lưu được ({low} đến {high})", "outside what can be stored ({low} to {high})"),
    "import_too_long": ("dài {length} ký tự, quá độ dài tối đa {limit} ký tự",
                        "{length} characters long, more than the {limit} allowed"),
    "import_not_a_number": ("không phải số", "not a number"),
    "import_not_a_number_example": ("không phải số (ví dụ 2,67)", "not a number (for example 2,67)"),
    "import_bool_cell": ("ghi x nếu đúng, để trống nếu không", "write x if true, leave it empty if not"),
    "import_cccd_grouping": ("có nhóm chữ số ngắn hơn {least} (như phần lẻ của một số); hãy nhập đủ {length} chữ số, "
                             "có thể cách nhau bằng dấu cách",
                             "has a group shorter than {least} digits (like the fraction of a number); enter all "
                             "{length} digits, spaces between groups if you like"),
    "import_cccd_not_whole": ("ô là một số không nguyên hoặc số âm, không phải số CCCD ({length} chữ số); hãy định "
                              "dạng cột là Văn bản (Text) rồi nhập đúng số",
                              "the cell holds a fraction or a negative number, not an ID card number ({length} "
                              "digits); format the column as Text and enter the number again"),
    "import_cccd_lost_zeros": ("ô đang ở dạng số nên mất số 0 ở đầu (còn {digits} chữ số); hãy định dạng cột là "
                               "Văn bản (Text) rồi nhập lại đủ 12 chữ số",
                               "the cell is a number, so its leading zeros are lost ({digits} digits left); format "
                               "the column as Text and enter all 12 digits again"),
    "import_no_sheet": ("Không có trang tính “{sheet}”. Hãy dùng mẫu nhập tải từ phần mềm.",
                        "There is no sheet “{sheet}”. Use the import template downloaded from the application."),
    "import_sheet_empty": ("Trang tính “{sheet}” trống: không có dòng tiêu đề và dữ liệu.",
                           "The sheet “{sheet}” is empty: no header row and no data."),
    "import_column_missing": ("Thiếu cột bắt buộc “{column}”.", "The required column “{column}” is missing."),
    "import_not_in_list": ("không có trong danh mục (xem trang “{sheet}”)", "not in the list (see the sheet “{sheet}”)"),
    "import_cell_missing": ("Chưa nhập {column}.", "Not filled in: {column}."),
    "import_bad_cell": ("{column}: {problem}.", "{column}: {problem}."),
    "import_no_rows": ("Trang tính “{sheet}” không có dòng dữ liệu nào.", "The sheet “{sheet}” has no data rows."),
    "import_cccd_repeated": ("Số CCCD trùng với dòng {row} của trang này.",
                             "The ID card number repeats row {row} of this sheet."),
    "import_no_such_person": ("Không có người mang số CCCD này trong trang “{sheet}” hoặc trong dữ liệu.",
                              "No one with this ID card number is in the sheet “{sheet}” or in the data."),
    "import_no_such_person_in_scope": ("Không có người mang số CCCD này trong trang “{sheet}” hoặc trong hồ sơ "
                                       "của các đơn vị được phân công cho tài khoản.",
                                       "No one with this ID card number is in the sheet “{sheet}” or in the records "
                                       "of the units assigned to the account."),
    "import_cccd_out_of_scope": ("Số CCCD này không nhập được bằng tài khoản này: tài khoản chỉ được nhập hồ sơ của "
                                 "các đơn vị được phân công.",
                                 "This ID card number cannot be imported with this account: it may only import the "
                                 "records of its assigned units."),
    "import_cccd_other_name": ("Số CCCD này đã có trong hồ sơ của {name}, khác họ tên trong tệp; kiểm tra lại số "
                               "CCCD hoặc sửa họ tên trong hồ sơ.",
                               "This ID card number is already in the record of {name}, a name other than the "
                               "file's; check the number or correct the name in the record."),
    "import_unit_out_of_scope": ("Đơn vị ngoài phạm vi tài khoản được phân công.",
                                 "The unit is outside the units assigned to the account."),
    "import_place_ambiguous": ("Tên địa danh ứng với nhiều đơn vị hành chính sau 01/07/2025 ({places}); đã nhập "
                               "nguyên văn, chỉ ghi mã của {kept}; chọn đơn vị đúng trong hồ sơ.",
                               "The place name fits several administrative units after 01/07/2025 ({places}); it "
                               "was imported as written with only the code of {kept}; pick the right unit in the "
                               "record."),
    "import_place_ambiguous_nowhere": ("Tên địa danh ứng với nhiều đơn vị hành chính sau 01/07/2025 ({places}); đã "
                                       "nhập nguyên văn, không ghi mã; chọn đơn vị đúng trong hồ sơ.",
                                       "The place name fits several administrative units after 01/07/2025 "
                                       "({places}); it was imported as written, without a code; pick the right "
                                       "unit in the record."),
    "import_unit_closed": ("Đơn vị này đã thôi hoạt động từ sau ngày {day}.", "This unit stopped working after {day}."),
    "import_post_without_date": ("Có chức vụ thì phải có ngày bổ nhiệm.", "A post needs its appointment date."),
    "import_date_without_post": ("Có ngày bổ nhiệm thì phải có mã chức vụ.", "An appointment date needs its post code."),
    "import_employment_differs": ("Hồ sơ đã có quá trình công tác từ {day} với đơn vị/loại khác; không ghi đè lịch "
                                  "sử, hãy sửa trong hồ sơ.",
                                  "The record already has a work period from {day} with another unit or category; "
                                  "history is not overwritten, correct it in the record."),
    "import_employment_later": ("Hồ sơ đã có quá trình công tác từ {day}, sau ngày này; không chèn quá trình vào "
                                "giữa lịch sử.",
                                "The record already has a work period from {day}, after this date; a period is "
                                "not inserted into the middle of the history."),
    "import_two_salaries": ("Có hai mức lương khác nhau cùng hưởng từ {day}.",
                            "Two different salaries start on the same day, {day}."),
    "import_salary_stored": ("Hồ sơ đã có diễn biến lương từ {day} (bậc {step}, hệ số {coefficient}); không ghi "
                             "đè lịch sử.",
                             "The record already has a salary from {day} (step {step}, coefficient "
                             "{coefficient}); history is not overwritten."),
    "import_rank_differs": ("Ngạch khác với ngạch trong hồ sơ vào ngày {day}, mà sau ngày đó đã có quyết định "
                            "ngạch khác; hãy ghi trong hồ sơ.",
                            "The rank differs from the record's rank on {day}, and a later decision set another "
                            "rank; enter it in the record."),
    "import_date_without_decision_number": ("Có ngày ký thì phải có số quyết định.",
                                            "A signing date needs its decision number."),
    "import_decision_without_date": ("Có số quyết định thì phải ghi ngày ký.",
                                     "A decision number needs its signing date."),
    "import_date_without_number": ("Có ngày ký thì phải ghi số quyết định.", "A signing date needs its decision number."),
    "import_unit_code_form": ("Mã đơn vị chỉ gồm chữ, số và các dấu . - / _ (tối đa 40 ký tự).",
                              "A unit code has only letters, digits and . - / _ (at most 40 characters)."),
    "import_unit_code_repeated": ("Mã đơn vị trùng với dòng {row} của trang này.",
                                  "The unit code repeats row {row} of this sheet."),
    "import_unit_name_too_long": ("Tên đơn vị dài quá 200 ký tự.", "The unit name is longer than 200 characters."),
    "import_unit_code_taken": ("Mã đơn vị '{code}' đã có trong dữ liệu với tên “{name}”.",
                               "The unit code '{code}' is already in the data with the name “{name}”."),
    "import_units_need_whole_agency": ("Chỉ tài khoản làm việc với toàn cơ quan mới được thêm đơn vị.",
                                       "Only an account working with the whole agency may add units."),
    "import_no_such_unit": ("Không có đơn vị mang mã này (trong trang “{sheet}” hoặc trong dữ liệu).",
                            "No unit has this code (in the sheet “{sheet}” or in the data)."),
    "import_unit_own_parent": ("Đơn vị không thể là cấp trên của chính nó.", "A unit cannot be its own parent."),
    "import_unit_parent_loop": ("Các đơn vị cấp trên tạo thành vòng lặp.", "The parent units form a loop."),
    "import_year_range": ("Năm phải trong khoảng {low}–{high}.", "The year must be between {low} and {high}."),
    "import_quota_range": ("Số được giao phải từ 0 đến 100.000.", "The allotted number must be from 0 to 100,000."),
    "import_quota_category": ("Loại biên chế không hợp lệ.", "The staff quota category is not valid."),
    "import_unit_inactive_in_year": ("Đơn vị này không hoạt động trong năm {year}.",
                                     "This unit is not working in {year}."),
    "import_quota_repeated": ("Năm, đơn vị và loại trùng với dòng {row} của trang này.",
                              "Year, unit and category repeat row {row} of this sheet."),
    "import_not_in_round_list": ("{what} “{token}” không có trong danh mục của kỳ tuyển dụng này.",
                                 "{what} “{token}” is not in the lists of this recruitment round."),
    "import_position_not_in_round": ("Vị trí “{position}” không có trong kỳ tuyển dụng (xem trang “{sheet}”).",
                                     "The position “{position}” is not in the recruitment round (see the sheet "
                                     "“{sheet}”)."),
    "import_language_level_missing": ("Có ngoại ngữ thì ghi trình độ (A1 … C1).",
                                      "A foreign language needs its level (A1 … C1)."),
    "import_candidate_repeated": ("Số CCCD trùng với dòng {row}: mỗi người chỉ một phiếu đăng ký.",
                                  "The ID card number repeats row {row}: one application per person."),
    "import_candidate_scored": ("{name} đã có điểm vòng 1; không sửa phiếu đăng ký được nữa.",
                                "{name} already has round-1 scores; the application can no longer be changed."),
    "import_no_sbd_column": ("Không tìm thấy cột “{column}” trong tệp.", "The column “{column}” is not in the file."),
    "import_no_such_sbd": ("Không có thí sinh số báo danh {sbd} trong kỳ này.",
                           "No candidate has the number {sbd} in this round."),
    "import_sbd_other_name": ("Số báo danh {sbd} là của {name}.", "The candidate number {sbd} belongs to {name}."),
    "import_score_form": ("Điểm phải là số (ví dụ 65,5) hoặc “{absent}”.",
                          "A score must be a number (for example 65,5) or “{absent}” (absent)."),
    "import_no_scores": ("Tệp không có điểm nào để nhập.", "The file has no scores to import."),
    "import_has_errors": ("Có {errors} lỗi trong {rows} dòng; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.",
                          "{errors} errors in {rows} rows; nothing was written. Correct the file and import it "
                          "again."),
    "import_people": ("{created} người mới, {updated} người cập nhật, {unchanged} người không đổi",
                      "{created} new people, {updated} updated, {unchanged} unchanged"),
    "import_history_rows": (", {count} dòng quá trình/trình độ", ", {count} rows of history or qualifications"),
    "import_units": (", {count} đơn vị", ", {count} units"),
    "import_quotas": (", {count} số biên chế", ", {count} staff quotas"),
    "import_checked": ("Kiểm tra xong {rows} dòng, không có lỗi (chưa ghi): sẽ có {people}{history}.",
                       "Checked {rows} rows, no errors (nothing written yet): there will be {people}{history}."),
    "import_done": ("Đã nhập {rows} dòng trong {seconds} giây: {people}{history}.",
                    "Imported {rows} rows in {seconds} seconds: {people}{history}."),
    # the checks before a workbook is read (hrapp/io/workbook_guard.py, hrapp/io/workbook_reader.py)
    "workbook_too_large": ("Tệp vượt giới hạn an toàn để nhập: {what} là {found}, tối đa {limit}. Chưa đọc và chưa "
                           "ghi dữ liệu nào. Hãy chia thành nhiều tệp nhỏ hơn, hoặc mở bằng Excel, xóa các dòng, "
                           "cột thừa rồi lưu lại.",
                           "The file is past the safe limits of an import: its {what} is {found}, at most {limit}. "
                           "Nothing was read or written. Split it into smaller files, or open it in Excel, delete "
                           "the surplus rows and columns and save it again."),
    "workbook_memory": ("Đọc tệp cần nhiều bộ nhớ hơn mức cho phép ({limit} MB) nên đã dừng (mã {status}); chưa ghi "
                        "dữ liệu nào. Tệp quá lớn hoặc có cấu trúc bất thường: hãy mở bằng Excel, lưu lại hoặc chia "
                        "nhỏ rồi nhập lại.",
                        "Reading the file needed more memory than allowed ({limit} MB) and was stopped (code "
                        "{status}); nothing was written. The file is too large or oddly built: open it in Excel and "
                        "save it again, or split it, then import again."),
    "ods_refused": ("Tệp bảng tính OpenDocument (.ods) không kiểm tra trước được nên không nhập. Hãy lưu dạng Excel "
                    "(.xlsx) rồi nhập.",
                    "An OpenDocument spreadsheet (.ods) cannot be checked before it is read, so it is not imported. "
                    "Save it as an Excel workbook (.xlsx), then import it."),
    "xlsb_refused": ("Tệp Excel dạng nhị phân (.xlsb) không kiểm tra trước được nên không nhập. Hãy mở bằng Excel và "
                     "lưu dạng .xlsx.",
                     "A binary Excel workbook (.xlsb) cannot be checked before it is read, so it is not imported. "
                     "Open it in Excel and save it as .xlsx."),
    "import_formula_cell": ("Ô {cell} chứa công thức “{formula}”: phần mềm không tính công thức và không lấy kết quả "
                            "đã lưu. Hãy chép rồi dán giá trị (Dán đặc biệt › Giá trị) vào ô này.",
                            "The cell {cell} holds the formula “{formula}”: the application neither computes "
                            "formulas nor takes their saved result. Copy the cell and paste it back as a value "
                            "(Paste Special › Values)."),
    "import_errors_not_listed": ("Còn {count} lỗi khác không liệt kê: sửa các lỗi trên rồi kiểm tra lại.",
                                 "{count} more errors are not listed: correct those above, then check again."),
}
