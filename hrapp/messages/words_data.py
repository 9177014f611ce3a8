"""Words of the app's errors, code -> (Vietnamese, English): the database, backups, encryption, accounts, missing records, files, dates and the validation of a record."""

WORDS: dict[str, tuple[str, str]] = {
    # the database (hrapp/context.py, hrapp/db)
    "conflict": ("Bản ghi đã được người khác sửa trước khi bạn lưu. Hãy mở lại và thực hiện lại.",
                 "Someone else changed the record before you saved. Open it again and redo your change."),
    "integrity": ("Dữ liệu vi phạm ràng buộc: {detail}",
                  "The data breaks a database constraint: {detail}"),
    "locked": ("Cơ sở dữ liệu đang bận (người khác đang ghi). Vui lòng thử lại sau giây lát.",
               "The database is busy (someone else is writing). Please try again in a moment."),
    "read_only": ("Không ghi được: tệp cơ sở dữ liệu chỉ cho phép đọc.",
                  "Cannot write: the database file is read-only."),
    "read_only_place": ("Không ghi được vào nơi để cơ sở dữ liệu {path}: ổ đĩa hoặc thư mục chỉ cho phép đọc (đĩa CD, "
                        "USB khóa ghi, thư mục mạng không có quyền ghi). Phần mềm cần ghi cạnh tệp (nhật ký giao "
                        "dịch) ngay cả khi chỉ xem; hãy chép tệp sang một thư mục ghi được rồi mở bản chép. Dữ liệu "
                        "không bị thay đổi.",
                        "Cannot write where the database is ({path}): the disk or folder is read-only (a CD, a "
                        "write-protected USB stick, a network folder without the right to write). The application "
                        "writes beside the file (its transaction journal) even to read it; copy the file to a "
                        "folder you can write in and open the copy. The data is unchanged."),
    "export_not_audited": ("Chưa tạo tệp: không ghi được nhật ký xuất dữ liệu. {reason}",
                           "No file was written: the export could not be recorded in the audit log. {reason}"),
    "disk_full": ("Không ghi được: ổ đĩa đã đầy. Dữ liệu chưa được lưu.",
                  "Cannot write: the disk is full. Nothing was saved."),
    "io_error": ("Không ghi được vào ổ đĩa (lỗi đọc/ghi hoặc hết dung lượng). Dữ liệu chưa được lưu.",
                 "Cannot write to the disk (a read/write error or no space left). Nothing was saved."),
    "cannot_open": ("Không mở được tệp cơ sở dữ liệu (không có quyền truy cập hoặc thư mục không tồn tại).",
                    "Cannot open the database file (access denied or the folder does not exist)."),
    "corrupt": ("Cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.",
                "The database is damaged. Restore it from a backup."),
    "db_error": ("Lỗi cơ sở dữ liệu: {detail}", "Database error: {detail}"),
    "column_out_of_range": ("{what}: {value} nằm ngoài khoảng lưu được ({low} đến {high}).",
                            "{what}: {value} is outside what can be stored ({low} to {high})."),
    "value_too_long": ("{what} dài {length} ký tự, quá độ dài tối đa {limit} ký tự.",
                       "{what} is {length} characters long, more than the {limit} allowed."),
    "database_not_found": ("Không tìm thấy cơ sở dữ liệu {path}. Kiểm tra lại đường dẫn; để tạo mới, dùng lệnh init.",
                           "Database not found: {path}. Check the path; to create a new one, use the init command."),
    "init_encrypt_existing": ("Tệp {path} đã có dữ liệu nên không tạo mới được. Để mã hóa cơ sở dữ liệu đang có, "
                              "dùng lệnh encrypt.",
                              "The file {path} already holds data, so no new database is made in it. To encrypt "
                              "an existing database, use the encrypt command."),
    "database_empty": ("Tệp {path} trống (0 byte), không phải cơ sở dữ liệu của phần mềm và được để nguyên. Kiểm tra "
                       "lại đường dẫn; để tạo cơ sở dữ liệu mới trong tệp này, dùng lệnh init.",
                       "The file {path} is empty (0 bytes): it is not a database of this application and is left "
                       "as it is. Check the path; to create a new database in this file, use the init command."),
    "folder_not_found": ("Không có thư mục {path}. Kiểm tra lại đường dẫn (phần mềm không tự tạo thư mục).",
                         "There is no folder {path}. Check the path (the application does not create folders)."),
    "bad_url": ("Địa chỉ cơ sở dữ liệu không hợp lệ: {url}", "Invalid database address: {url}"),
    "foreign_db": ("Tệp này không phải cơ sở dữ liệu của phần mềm (không có thông tin phiên bản).",
                   "This file is not a database of this application (it has no version information)."),
    "unreadable": ("Không mở được cơ sở dữ liệu (tệp hỏng hoặc không phải SQLite): {detail}",
                   "Cannot read the database (a damaged file, or not SQLite): {detail}"),
    "too_new": ("Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của phần mềm (phiên bản dữ liệu {revisions}). "
                "Hãy cập nhật phần mềm; dữ liệu được giữ nguyên.",
                "The database was made by a newer version of the application (data version {revisions}). "
                "Update the application; the data is left as it is."),
    "migration_failed": ("Nâng cấp cơ sở dữ liệu thất bại, dữ liệu giữ nguyên: {detail}",
                         "Upgrading the database failed; the data is left as it was: {detail}"),
    "audit_read_only": ("Nhật ký thay đổi chỉ được ghi thêm, không thể sửa hay xóa.",
                        "The audit trail can only be added to, never changed or deleted."),
    # backups and copies
    "copy_value_out_of_range": ("Không chép được: bảng {table}, dòng {row}, cột {column} có giá trị {value} nằm ngoài "
                                "khoảng cột lưu được ({low} đến {high}). Hãy sửa giá trị đó rồi chép lại; cơ sở dữ "
                                "liệu đích không thay đổi.",
                                "Cannot copy: table {table}, row {row}, column {column} holds {value}, outside what "
                                "the column stores ({low} to {high}). Correct that value and copy again; the target "
                                "database is unchanged."),
    "copy_value_too_long": ("Không chép được: bảng {table}, dòng {row}, cột {column} dài {length} ký tự, quá độ dài "
                            "tối đa {limit} ký tự của cột. Hãy sửa giá trị đó rồi chép lại; cơ sở dữ liệu đích "
                            "không thay đổi.",
                            "Cannot copy: table {table}, row {row}, column {column} is {length} characters long, "
                            "more than the {limit} the column holds. Correct that value and copy again; the target "
                            "database is unchanged."),
    "backup_corrupt": ("Bản sao lưu bị hỏng (kiểm tra toàn vẹn: {problems}).",
                       "The backup is damaged (integrity check: {problems})."),
    "backup_failed": ("Không tạo được bản sao lưu {name}: {detail}. Cơ sở dữ liệu không bị ảnh hưởng.",
                      "The backup {name} could not be made: {detail}. The database is not affected."),
    "backup_missing": ("Không tìm thấy tệp sao lưu {path}.", "Backup file not found: {path}."),
    "backup_onto_live": ("Không thể sao lưu đè lên chính cơ sở dữ liệu đang dùng.",
                         "A backup cannot overwrite the database in use."),
    "backup_too_new": ("Bản sao lưu được tạo bởi phiên bản mới hơn của phần mềm (phiên bản dữ liệu {revisions}). "
                       "Hãy cập nhật phần mềm trước khi khôi phục.",
                       "The backup was made by a newer version of the application (data version {revisions}). "
                       "Update the application before restoring it."),
    "backup_dangling": ("Bản sao lưu có {rows} tham chiếu hỏng (bảng {tables} trỏ tới bản ghi không có). Không "
                        "khôi phục; cơ sở dữ liệu hiện tại giữ nguyên. Hãy chọn một bản sao lưu khác.",
                        "The backup has {rows} dangling references (tables {tables} point at rows that do not "
                        "exist). Not restored; the current database is unchanged. Choose another backup."),
    "backup_schema": ("Bản sao lưu thiếu phần cấu trúc dữ liệu ({missing}). Không khôi phục; cơ sở dữ liệu hiện "
                      "tại giữ nguyên. Hãy chọn một bản sao lưu khác.",
                      "The backup lacks part of the data structure ({missing}). Not restored; the current "
                      "database is unchanged. Choose another backup."),
    "not_hrapp_backup": ("Tệp {name} không phải bản sao lưu cơ sở dữ liệu của phần mềm.",
                         "The file {name} is not a database backup of this application."),
    "in_use": ("Cơ sở dữ liệu đang được mở ở chương trình hoặc máy khác. Hãy đóng lại rồi khôi phục.",
               "The database is open in another program or on another computer. Close it, then restore."),
    "restore_failed": ("Không khôi phục được: {detail}. Cơ sở dữ liệu hiện tại giữ nguyên.",
                       "The restore failed: {detail}. The current database is unchanged."),
    "restore_onto_itself": ("Tệp sao lưu chính là cơ sở dữ liệu đang dùng.",
                            "The backup file is the database in use."),
    "restore_server": ("Chỉ khôi phục được vào tệp SQLite. Với máy chủ PostgreSQL: tạo một cơ sở dữ liệu trống "
                       "rồi dùng lệnh copy-to từ tệp sao lưu (hoặc quản trị máy chủ khôi phục bằng pg_restore).",
                       "Only an SQLite file can be restored into. For a PostgreSQL server: create an empty "
                       "database and use the copy-to command from the backup file (or have the server's "
                       "administrator restore it with pg_restore)."),
    "same_database": ("Cơ sở dữ liệu đích trùng với cơ sở dữ liệu đang dùng.",
                      "The target database is the database in use."),
    "source_not_current": ("Cơ sở dữ liệu nguồn chưa được nâng cấp lên phiên bản hiện tại.",
                           "The source database has not been upgraded to the current version."),
    "restore_onto_foreign": ("Không khôi phục đè lên {path}: tệp này không phải cơ sở dữ liệu của phần mềm "
                             "hoặc thuộc phiên bản mới hơn. Tệp được giữ nguyên; hãy kiểm tra lại đường dẫn --db.",
                             "Not restoring over {path}: it is not a database of this application, or it belongs "
                             "to a newer version. The file is left as it is; check the --db path."),
    "target_too_new": ("Cơ sở dữ liệu đích thuộc phiên bản phần mềm mới hơn.",
                       "The target database belongs to a newer version of the application."),
    # encryption at rest (hrapp/db/cipher.py, hrapp/services/encryption.py)
    "db_passphrase_needed": ("Tệp {path} đã được mã hóa (hoặc không phải SQLite): cần cụm mật khẩu. Đặt biến {variable} "
                             "hoặc chạy lệnh ở cửa sổ dòng lệnh để nhập.",
                             "The file {path} is encrypted (or not SQLite): its passphrase is needed. Set the "
                             "variable {variable} or run the command at a terminal to type it."),
    "db_wrong_passphrase": ("Cụm mật khẩu không mở được {path} (sai cụm mật khẩu, hoặc tệp không phải cơ sở dữ liệu). "
                            "Không có gì bị ghi.",
                            "The passphrase does not open {path} (a wrong passphrase, or not a database). Nothing "
                            "was written."),
    "passphrase_too_short": ("Cụm mật khẩu cần ít nhất {minimum} ký tự.",
                             "The passphrase needs at least {minimum} characters."),
    "passphrase_invalid": ("Cụm mật khẩu không được chứa ký tự rỗng (NUL) hay bắt đầu bằng x'.",
                           "The passphrase must not contain a NUL character or start with x'."),
    "passphrase_mismatch": ("Hai lần nhập cụm mật khẩu không khớp nhau. Không có gì thay đổi.",
                            "The two passphrases typed do not match. Nothing was changed."),
    "no_new_passphrase": ("Cần cụm mật khẩu mới: đặt biến {variable} hoặc chạy lệnh ở cửa sổ dòng lệnh để nhập.",
                          "A new passphrase is needed: set the variable {variable} or run the command at a terminal "
                          "to type it."),
    "not_encrypted": ("Cơ sở dữ liệu này chưa được mã hóa.", "This database is not encrypted."),
    "encrypt_server": ("Chỉ mã hóa được tệp SQLite. Với máy chủ PostgreSQL, mã hóa dữ liệu lưu trữ là việc của máy "
                       "chủ (quản trị máy chủ bật mã hóa ổ đĩa hoặc bảng).",
                       "Only an SQLite file can be encrypted. For a PostgreSQL server, encryption at rest is the "
                       "server's job (its administrator turns on disk or table encryption)."),
    "convert_check_failed": ("Bản chuyển đổi không khớp với dữ liệu gốc ({detail}); cơ sở dữ liệu giữ nguyên.",
                             "The converted copy does not match the original ({detail}); the database is "
                             "unchanged."),
    "convert_failed": ("Không chuyển đổi được cơ sở dữ liệu: {detail}. Cơ sở dữ liệu giữ nguyên.",
                       "The database could not be converted: {detail}. The database is unchanged."),
    # accounts and rights
    "not_signed_in": ("Bạn chưa đăng nhập. Hãy đăng nhập để tiếp tục.", "You are not signed in. Sign in to go on."),
    "permission_denied": ("Tài khoản {user} (vai trò: {role}) không có quyền {right}.",
                          "The account {user} (role: {role}) has no right to {right}."),
    "out_of_scope": ("Không tìm thấy trong các đơn vị được phân công cho tài khoản {user} (không có, hoặc thuộc "
                     "đơn vị khác).",
                     "Not found within the units assigned to the account {user} (it does not exist or belongs "
                     "to another unit)."),
    "accounts_already_on": ("Tài khoản người dùng đã được bật cho cơ sở dữ liệu này.",
                            "User accounts are already turned on for this database."),
    "user_not_found": ("Không có tài khoản '{username}'.", "There is no account '{username}'."),
    "user_exists": ("Tên đăng nhập '{username}' đã có.", "The user name '{username}' is taken."),
    "last_admin": ("Phải còn ít nhất một quản trị viên đang hoạt động.",
                   "At least one active administrator must remain."),
    "inactive": ("Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.",
                 "The account is deactivated. Contact the administrator."),
    "wrong_password": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "account.locked": ("Tài khoản tạm khóa do đăng nhập sai {failures} lần liên tiếp. Hãy thử lại sau {minutes} "
                       "phút hoặc nhờ quản trị viên đặt lại mật khẩu.",
                       "The account is locked after {failures} failed sign-ins in a row. Try again in {minutes} "
                       "minutes or ask the administrator to reset the password."),
    "no_password": ("Cần mật khẩu của {username}: đặt biến môi trường {variable} hoặc chạy lệnh trong cửa sổ "
                    "dòng lệnh để nhập.",
                    "The password of {username} is needed: set the environment variable {variable} or run the "
                    "command in a terminal to type it."),
    "no_new_password": ("Cần mật khẩu mới cho {username}: đặt biến môi trường {variable} hoặc chạy lệnh trong "
                        "cửa sổ dòng lệnh để nhập.",
                        "A new password for {username} is needed: set the environment variable {variable} or "
                        "run the command in a terminal to type it."),
    "password_mismatch": ("Hai lần nhập mật khẩu mới không giống nhau.", "The two new passwords differ."),
    "user_required": ("Cơ sở dữ liệu đã bật tài khoản: hãy chạy lệnh với --user TÊN_ĐĂNG_NHẬP (mật khẩu trong "
                      "biến {variable} hoặc nhập khi được hỏi).",
                      "This database has accounts: run the command with --user USER_NAME (the password in the "
                      "variable {variable}, or typed when asked)."),
    "must_change_password": ("Bạn cần đổi mật khẩu trước (lệnh: users change-password, hoặc khi đăng nhập trên "
                             "giao diện).",
                             "Change your password first (command: users change-password, or when signing in "
                             "to the window)."),
    # records not found
    "person_not_found": ("Không tìm thấy hồ sơ này (có thể đã bị xóa).",
                         "This person's record was not found (it may have been deleted)."),
    "unit_not_found": ("Không tìm thấy đơn vị.", "The unit was not found."),
    "already_done": ("Đã ghi kết quả của lượt học này.", "The result of this training is already recorded."),
    "attachment_not_found": ("Không tìm thấy tài liệu này.", "This document was not found."),
    "qualification_not_found": ("Không tìm thấy trình độ này.", "This qualification was not found."),
    "post_not_found": ("Không tìm thấy chức vụ này.", "This post was not found."),
    "assignment_not_found": ("Không tìm thấy quá trình kiêm nhiệm.", "The concurrent assignment was not found."),
    "candidate_not_found": ("Không tìm thấy người dự tuyển này.", "This candidate was not found."),
    "round_not_found": ("Không tìm thấy kỳ tuyển dụng này (có thể đã bị xóa).",
                        "This recruitment round was not found (it may have been deleted)."),
    "target_not_found": ("Không có vị trí này trong kỳ tuyển dụng.", "The recruitment round has no such position."),
    "position_not_found": ("Không tìm thấy vị trí việc làm.", "The job position was not found."),
    "course_not_found": ("Không tìm thấy khóa học này.", "This course was not found."),
    "plan_not_found": ("Không tìm thấy kế hoạch đào tạo, bồi dưỡng này.", "This training plan was not found."),
    "line_not_found": ("Không tìm thấy dòng kế hoạch này.", "This line of the plan was not found."),
    "record_not_found": ("Không tìm thấy lượt cử đi học này.", "This training assignment was not found."),
    "commitment_not_found": ("Không tìm thấy cam kết này.", "This commitment was not found."),
    "entry_not_found": ("Không tìm thấy người này trong quy hoạch.", "This person is not in the succession plan."),
    "planning_post_not_found": ("Không tìm thấy chức danh quy hoạch này.", "This planned post was not found."),
    "review_not_found": ("Không tìm thấy đợt rà soát quy hoạch này.", "This review of the plan was not found."),
    "period_not_found": ("Không tìm thấy giai đoạn quy hoạch này.", "This planning period was not found."),
    "decision_not_found": ("Không tìm thấy quyết định số hiệu {ref}.", "No decision numbered {ref} was found."),
    "rule_not_found": ("Không tìm thấy phiên bản quy định này.", "No applicable version of the rule was found."),
    # files
    "file_not_found": ("Không tìm thấy tệp {path}.", "File not found: {path}."),
    "empty_file": ("Tệp rỗng (0 byte).", "The file is empty (0 bytes)."),
    "cancelled": ("Đã hủy nhập dữ liệu; không có dữ liệu nào được ghi.", "The import was cancelled; nothing was written."),
    # dates, numbers and fields of a record (hrapp/domain)
    "invalid_birth_precision": ("Độ chính xác của ngày sinh không hợp lệ.", "Invalid precision of the date of birth."),
    "invalid_birth_date": ("Ngày sinh không hợp lệ.", "The date of birth is not valid."),
    "invalid_sex": ("Giới tính phải là nam (M) hoặc nữ (F).", "Sex must be male (M) or female (F)."),
    "invalid_days": ("Số ngày nghỉ không được âm.", "The number of days off cannot be negative."),
    "invalid_delay": ("Thời gian kéo dài không được âm.", "The extension cannot be negative."),
    "invalid_cost": ("Chi phí đào tạo không được âm.", "The training cost cannot be negative."),
    "invalid_count": ("Số lượng không được âm.", "The number cannot be negative."),
    "invalid_date": ("Ngày nhận hồ sơ đề nghị bổ nhiệm không được trước ngày sinh.",
                     "The date the appointment file was received cannot be before the date of birth."),
    "dates_out_of_order": ("Ngày kết thúc khóa học phải sau ngày bắt đầu.", "The course must end after it starts."),
    "retired_before_term": ("Người này đã đến thời điểm nghỉ hưu trước khi bắt đầu nhiệm kỳ mới.",
                            "This person reaches retirement before the new term starts."),
    "not_applicable": ("Thời gian tập sự riêng cho chức danh bác sĩ chỉ áp dụng với viên chức.",
                       "The doctors' own probation period applies to public employees only."),
    # validation of a record (hrapp/domain/validation.py)
    "cccd_missing": ("Chưa nhập số CCCD.", "The ID card number is missing."),
    "cccd_digits": ("Số CCCD '{value}' chỉ được gồm chữ số.", "The ID card number '{value}' may contain digits only."),
    "cccd_grouping": ("Số CCCD '{value}' có nhóm chữ số ngắn hơn {least} (như phần lẻ của một số); hãy nhập đủ 12 "
                      "chữ số, có thể cách nhau bằng dấu cách.",
                      "The ID card number '{value}' has a group shorter than {least} digits (like the fraction of a "
                      "number); enter all 12 digits, spaces between groups if you like."),
    "cccd_length": ("Số CCCD phải gồm đúng {length} chữ số (đang có {count}).",
                    "The ID card number must have exactly {length} digits (it has {count})."),
    "cccd_duplicate": ("Số CCCD {number} đã có trong hồ sơ của {name}.",
                       "The ID card number {number} is already in the record of {name}."),
    "cccd_taken_outside_scope": ("Số CCCD {number} không dùng được bằng tài khoản này: tài khoản chỉ được làm việc "
                                 "với hồ sơ của các đơn vị được phân công.",
                                 "The ID card number {number} cannot be used with this account: it may only work "
                                 "with the records of its assigned units."),
    "birth_missing": ("Chưa nhập ngày sinh.", "The date of birth is missing."),
    "birth_future": ("Ngày sinh ({birth}) không được sau ngày hôm nay.", "The date of birth ({birth}) is after today."),
    "birth_year": ("Năm sinh {year} không hợp lệ.", "The year of birth {year} is not valid."),
    "under_age_at_recruitment": (
        "Chưa đủ {age} tuổi vào ngày tuyển dụng {recruited} (ngày sinh {birth}, đủ {age} tuổi từ ngày {adult}).",
        "Not yet {age} years old on the recruitment date {recruited} (born {birth}, {age} years old from {adult})."),
    "date_too_far_ahead": ("{what} ({day}) quá xa: không được sau {latest} (quá {years} năm kể từ hôm nay); hãy "
                           "kiểm tra lại năm.",
                           "{what} ({day}) is too far ahead: it cannot be after {latest} ({years} year from today); "
                           "check the year."),
    "start_before_working_age": ("{what} ({day}) trước khi người này đủ {age} tuổi ({earliest}): chưa đến tuổi lao "
                                 "động (Bộ luật Lao động 2019, Điều 143).",
                                 "{what} ({day}) is before this person turned {age} ({earliest}): under the working "
                                 "age (Labour Code 2019, Article 143)."),
    "warn_older_than_working": ("Người này hôm nay đã {age} tuổi (sinh {birth}), quá tuổi làm việc cao nhất ({most}); "
                                "hãy kiểm tra lại năm sinh.",
                                "This person is {age} today (born {birth}), older than anyone still at work "
                                "({most}); check the year of birth."),
    "warn_minor_at_start": ("Người này mới {age} tuổi vào ngày bắt đầu làm việc ({start}), chưa đủ {adult} tuổi; "
                            "hãy kiểm tra lại ngày sinh.",
                            "This person was only {age} on the start date ({start}), under {adult}; check the "
                            "date of birth."),
    "warn_same_name_and_birth": ("Đã có người cùng họ tên và ngày sinh ({name}, {birth}) với số CCCD khác: {others}. "
                                 "Nếu là cùng một người, hãy sửa hồ sơ đã có thay vì tạo hồ sơ mới.",
                                 "Someone with the same name and date of birth ({name}, {birth}) is already "
                                 "recorded under another ID card number: {others}. If it is the same person, "
                                 "edit that record instead of making a new one."),
    "warn_step_since_in_probation": (
        "Mốc tính nâng bậc ({since}) nằm trong thời gian tập sự ({start} – {end}): người tuyển dụng từ 15/08/2021 "
        "không được tính thời gian tập sự để nâng bậc lương thường xuyên, mốc đúng là {right} ({rule}).",
        "The date the next step counts from ({since}) falls inside probation ({start} – {end}): for people recruited "
        "from 15/08/2021 probation does not count toward the regular step, the right date is {right} ({rule})."),
    "warn_save_again": ("Bấm Lưu lần nữa để vẫn lưu.", "Press Save again to save anyway."),
    "warn_see_below": ("Cần kiểm tra: xem cảnh báo bên dưới.", "To check: see the warning below."),
    "date_order": ("{end_label} ({end}) không được trước {start_label} ({start}).",
                   "{end_label} ({end}) cannot be before {start_label} ({start})."),
    "date_before_birth": ("{what} ({day}) không được trước ngày sinh ({birth}).",
                          "{what} ({day}) cannot be before the date of birth ({birth})."),
    "date_future": ("{what} ({day}) không được sau ngày hôm nay.", "{what} ({day}) cannot be after today."),
    "qualification_too_early": ("Năm {year} sớm hơn năm sinh + {age} ({born} + {age} = {earliest}).",
                                "The year {year} is earlier than the year of birth + {age} ({born} + {age} = "
                                "{earliest})."),
    "year_in_future": ("Năm {year} chưa đến.", "The year {year} has not come yet."),
    "rank_missing": ("Chưa chọn ngạch/chức danh nghề nghiệp.", "No rank or professional title is chosen."),
    "rank_unknown": ("Không có ngạch/chức danh nghề nghiệp mã '{code}'.", "There is no rank or title with code '{code}'."),
    "step_missing": ("Chưa nhập bậc lương.", "The salary step is missing."),
    "coefficient_missing": ("Chưa nhập hệ số lương.", "The salary coefficient is missing."),
    "catalog_unknown": ("{what} '{code}' không có trong danh mục.", "{what} '{code}' is not in the list."),
    "level_missing": ("Chưa chọn trình độ.", "No level is chosen."),
    "level_unknown": ("Trình độ '{code}' không có trong danh mục.", "The level '{code}' is not in the list."),
    "level_wrong_kind": ("Trình độ '{code}' không thuộc loại {kind} ({allowed}).",
                         "The level '{code}' is not of the kind {kind} ({allowed})."),
    "email_format": ("Thư điện tử '{value}' không đúng dạng (ví dụ: ten@skhcn.gov.vn).",
                     "The e-mail address '{value}' is not well formed (for example: name@skhcn.gov.vn)."),
    "phone_format": ("Số điện thoại '{value}' không hợp lệ.", "The phone number '{value}' is not valid."),
    "category_missing": ("Chưa chọn loại cán bộ.", "No staff category is chosen."),
    "category_unknown": ("Loại cán bộ '{code}' không có trong danh mục.", "The staff category '{code}' is not in the list."),
    "required_for_category": ("Chưa nhập {what} (bắt buộc đối với {category}).",
                              "{what} is missing (required for {category})."),
    "rule_code_missing": ("Chưa nhập mã quy định.", "The rule's code is missing."),
    "rule_version_missing": ("Chưa nhập tên phiên bản.", "The version's name is missing."),
    "rule_version_too_long": ("Tên phiên bản dài quá {limit} ký tự.", "The version's name is longer than {limit} characters."),
    "rule_version_exists": ("Quy định này đã có phiên bản '{version}'.", "This rule already has a version '{version}'."),
    "rule_basis_missing": ("Chưa nhập căn cứ pháp lý (văn bản, điều, khoản).",
                           "The legal basis (document, article, clause) is missing."),
    "rule_start_missing": ("Chưa nhập ngày bắt đầu áp dụng.", "The date the version applies from is missing."),
    "rule_overlap": ("Thời gian áp dụng trùng với phiên bản {name} ({start} – {end}). Hãy cho phiên bản đó hết hiệu lực "
                     "trước ngày bắt đầu của phiên bản này.",
                     "The period overlaps the version {name} ({start} – {end}). End that version before this one "
                     "starts."),
    "rule_params_missing": ("Tham số thiếu mục có ở phiên bản {name}: {keys}.",
                            "The parameters lack items the version {name} has: {keys}."),
    "rule_params_refused": ("Tham số không dùng được: {detail}", "The parameters cannot be used: {detail}"),
    "rule_params_key": ("Tham số không dùng được để tính: thiếu hoặc sai mục “{key}”.",
                        "The parameters cannot be computed with: the item “{key}” is missing or wrong."),
    "rule_params_type": ("Tham số không dùng được để tính: giá trị không đúng kiểu.",
                         "The parameters cannot be computed with: a value has the wrong type."),
    "work_calendar_not_dates": ("Quy định {rule}: “{key}” phải là các ngày dạng yyyy-mm-dd.",
                                "Rule {rule}: “{key}” must be days written yyyy-mm-dd."),
    "work_calendar_source": ("Quy định {rule}: nguồn ngày lễ '{source}' không được hỗ trợ (chỉ '{supported}').",
                             "Rule {rule}: the holiday source '{source}' is not supported (only '{supported}')."),
    "work_calendar_weekday": ("Quy định {rule}: ngày nghỉ hằng tuần là số từ 0 (thứ Hai) đến 6 (Chủ nhật).",
                              "Rule {rule}: weekly days off are numbers from 0 (Monday) to 6 (Sunday)."),
    "work_calendar_both": ("Quy định {rule}: ngày {days} vừa là ngày nghỉ vừa là ngày làm bù.",
                           "Rule {rule}: {days} is both a day off and a make-up working day."),
    "period_end_before_start": ("Khoảng thời gian {first} – {last} có ngày kết thúc trước ngày bắt đầu.",
                                "The period {first} – {last} ends before it starts."),
    "probation_end_before_start": ("Ngày hết tập sự {end} trước ngày bắt đầu tập sự {start}.",
                                   "The end of probation {end} is before its start {start}."),
    "rule_param_invalid": ("Giá trị '{value}' của “{name}” không hợp lệ.", "The value '{value}' of “{name}” is not valid."),
    # business rules: the raise sites keep their detailed Vietnamese sentence; the English is the general case
    "already_ended": ("Quá trình kiêm nhiệm đã kết thúc.", "The concurrent assignment has already ended."),
    "already_held": ("Người này đã giữ vị trí này.", "The person already holds this position."),
    "already_sent": ("Người này đã được cử đi khóa học này.", "The person is already sent to this course."),
    "coefficient_mismatch": ("Hệ số không đúng với bảng lương (theo bảng lương là {expected}).",
                             "The coefficient does not match the salary table (the table gives {expected})."),
    "commitment_closed": ("Cam kết này đã kết thúc.", "This commitment is closed."),
    "commitment_exists": ("Lượt cử đi học này đã có cam kết.", "This training assignment already has a commitment."),
    "commitment_served": ("Đã phục vụ đủ thời gian cam kết: không phải đền bù.",
                          "The committed service time has been served: nothing is to be repaid."),
    "corrupt_file": ("Tệp bị hỏng: không đọc được bảng tính.", "The file is damaged: the workbook cannot be read."),
    "discipline_not_applicable": ("Hình thức kỷ luật này không kéo dài thời gian nâng lương cho loại cán bộ này.",
                                  "This disciplinary measure does not delay pay steps for this staff category."),
    "duplicate_code": ("Mã khóa học đã có.", "The course code is already used."),
    "encrypted": ("Tệp được bảo vệ bằng mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.",
                  "The file is protected by a password. Remove the password, then import it again."),
    "has_candidates": ("Đã có người đăng ký nên không thể xóa.", "Candidates have applied, so it cannot be removed."),
    "invalid_case": ("Trường hợp đền bù không hợp lệ.", "Invalid repayment case."),
    "invalid_rating": ("Mức xếp loại không hợp lệ (HTXS, HTT, HT, KHT).",
                       "Invalid rating (HTXS, HTT, HT, KHT)."),
    "invalid_salary_step": ("Bậc lương không có trong loại ngạch này.", "This salary step does not exist in the rank's class."),
    "line_exists": ("Người này đã có trong kế hoạch với loại khóa này.",
                    "The person is already in the plan for this kind of course."),
    "line_used": ("Đã có người được cử đi học theo dòng kế hoạch này: không xóa được.",
                  "People were sent to training on this line of the plan: it cannot be deleted."),
    "no_candidates": ("Không có người dự tuyển nào đủ điều kiện để đánh số báo danh.",
                      "No eligible candidate to number."),
    "no_employment": ("Người này không có quá trình công tác vào ngày này.", "The person is not employed on this date."),
    "no_leaving": ("Chưa có ngày nghỉ việc và trường hợp đền bù để tính.",
                   "There is no leaving date and repayment case to compute from."),
    "no_notice": ("không có thời điểm thông báo nghỉ hưu theo quy định.", "no retirement notice date under the rules."),
    "no_quotas": ("Năm này chưa có số biên chế nào.", "That year has no staff quotas."),
    "not_attending": ("Chỉ ghi thôi học cho người đang học.", "Only a person still attending can withdraw."),
    "not_draft": ("Chỉ phê duyệt được vị trí đang ở dạng dự thảo.", "Only a draft position can be approved."),
    "not_empty": ("Cơ sở dữ liệu đã có dữ liệu; chỉ nạp vào cơ sở dữ liệu trống.",
                  "The database already holds data; this loads only into an empty database."),
    "not_on_staff": ("Người này không còn công tác vào ngày bắt đầu: không cử đi học được.",
                     "The person is no longer employed on the start date and cannot be sent to training."),
    "not_planned": ("Người này không có trong quy hoạch chức danh. Bổ nhiệm người ngoài quy hoạch phải ghi rõ lý do.",
                    "The person is not in the succession plan for this post. Appointing someone outside the plan "
                    "needs a stated reason."),
    "period_overlap": ("Giai đoạn trùng thời gian với một giai đoạn đã có.",
                       "The period overlaps an existing period."),
    "plan_approved": ("Kế hoạch đã được phê duyệt.", "The plan is approved."),
    "plan_empty": ("Kế hoạch chưa có dòng nào để phê duyệt.", "The plan has no line to approve."),
    "plan_exists": ("Đã có kế hoạch đào tạo, bồi dưỡng năm này.", "A training plan for that year already exists."),
    "position_frozen": ("Vị trí đã bị thay thế hoặc bãi bỏ.", "The position was replaced or abolished."),
    "position_held": ("Còn người giữ vị trí này. Hãy bố trí vị trí khác trước.",
                      "People still hold this position. Assign them elsewhere first."),
    "position_retired": ("Vị trí không còn hiệu lực vào ngày này.", "The position is not in force on this date."),
    "post_after_close": ("Có chức vụ tại đơn vị bắt đầu sau ngày đơn vị thôi hoạt động; hãy sửa quá trình chức vụ trước.",
                         "A post in the unit starts after the unit closes; correct the post history first."),
    "post_exists": ("Chức danh đã có trong giai đoạn này.", "The post is already in this period."),
    "post_in_use": ("Chức danh này đã có người được quy hoạch, không xóa được.",
                    "People were planned for this post, so it cannot be deleted."),
    "priority_group_unknown": ("Không có diện ưu tiên '{code_value}' trong quy định về điểm ưu tiên tuyển dụng.",
                               "There is no priority group '{code_value}' in the rules on recruitment priority points."),
    "quotas_exist": ("Năm này đã có số biên chế; hãy sửa trực tiếp.", "That year already has quotas; edit them directly."),
    "regime_unknown": ("Không có chế độ tuyển dụng này.", "There is no such recruitment regime."),
    "revision_mismatch": ("Hai cơ sở dữ liệu khác phiên bản cấu trúc.", "The two databases have different schema versions."),
    "target_not_empty": ("Cơ sở dữ liệu đích đã có dữ liệu. Hãy chép vào một cơ sở dữ liệu trống.",
                         "The target database already holds data. Copy into an empty database."),
    "unit_closed": ("Đơn vị đã giải thể hoặc sáp nhập.", "The unit was dissolved or merged."),
    "unit_has_children": ("Còn đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc giải thể các đơn vị này trước.",
                          "Sub-units are still active. Move or dissolve them first."),
    "unit_has_staff": ("Còn người làm việc tại đơn vị. Hãy điều động họ sang đơn vị khác hoặc dùng sáp nhập.",
                       "People still work in the unit. Transfer them to another unit or merge it."),
    "unit_not_founded": ("Đơn vị chưa hoạt động vào ngày này.", "The unit did not exist yet on this date."),
    "unknown_level": ("Không có thời gian tập sự cho trình độ này.", "There is no probation period for this level."),
    "unknown_salary_class": ("Không có quy định cho loại ngạch lương này.", "No rule covers this salary class."),
    "withdrawn": ("Người này đã thôi học.", "The person has withdrawn from the training."),
    "wrong_type": ("Tệp không phải bảng tính Excel (.xlsx). Hãy dùng mẫu nhập của phần mềm.",
                   "The file is not an Excel workbook (.xlsx). Use the application's import template."),
    "after_retirement": ("hạn nâng bậc sau thời điểm nghỉ hưu.", "the step would fall due after retirement."),
    "too_early": ("chưa đến hạn.", "not yet due."),
    "not_last_step": ("chưa xếp bậc cuối cùng của ngạch.", "not yet at the last step of the rank."),
    "last_step": ("đã xếp bậc cuối cùng của ngạch; xét phụ cấp thâm niên vượt khung.",
                  "at the last step of the rank; consider the seniority allowance."),
    "bad_date": ("ngày hưởng nằm ngoài khoảng cho phép.", "the pay date is outside the allowed range."),
    "copy_failed": ("Không chép được dữ liệu. Cơ sở dữ liệu đích không thay đổi.",
                    "The data could not be copied. The target database is unchanged."),
    "count_mismatch": ("Số bản ghi sau khi chép không khớp. Đã hủy toàn bộ việc chép, cơ sở dữ liệu đích không thay đổi.",
                       "The number of records after copying does not match. The copy was undone; the target "
                       "database is unchanged."),
    "demo_data": ("Dữ liệu mẫu sai.", "The demo data is inconsistent."),
    "duplicate_candidate": ("Mã ứng viên bị trùng.", "A candidate code appears twice."),
    "duplicate_position": ("Vị trí bị khai báo hai lần.", "A position is declared twice."),
    "invalid_score": ("Điểm nằm ngoài khoảng cho phép.", "The score is out of range."),
    "score_out_of_range": ("Điểm nằm ngoài khoảng cho phép.", "A score is out of range."),
    "has_scores": ("Đã có điểm thi nên không sửa được.", "Scores are already recorded, so this cannot be changed."),
    "method_not_allowed": ("Hình thức tuyển dụng này không có trong quy định.", "This recruitment method is not in the rules."),
    "unknown_position": ("Không có vị trí này trong kỳ tuyển dụng.", "The position is not in the recruitment round."),
    "entry_closed": ("Người này không còn trong quy hoạch.", "The person is no longer in the plan."),
    "no_score_regime": ("Năm này xếp loại không tính theo điểm.", "That year's evaluation does not rate by score."),
    "requirements_not_met": ("Chưa đáp ứng yêu cầu của vị trí. Nhập ghi chú (lý do) để vẫn bố trí.",
                             "The position's requirements are not met. Enter a note (reason) to assign anyway."),
    "rule_data_invalid": ("Dữ liệu quy định sai.", "The rule data is invalid."),
    "rule_gap": ("Quy định không có mức cho số biên chế này.", "The rule has no level for this staff number."),
    "rule_incomplete": ("Quy định thiếu hoặc sai tham số cho trường hợp này.",
                        "The rule lacks or has wrong parameters for this case."),
    "unknown_category": ("Quy định không có mức cho loại cán bộ này.", "The rule has nothing for this staff category."),
    "unknown_column": ("Có cột không có trong danh sách cột.", "A column is not among the columns available."),
    "invalid_number": ("Giá trị không phải là số hợp lệ.", "The value is not a valid number."),
}
