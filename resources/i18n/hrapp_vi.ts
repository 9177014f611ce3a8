<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>AccountsTab</name>
    <message>
        <source>User accounts are off</source>
        <translation>Tài khoản người dùng đang tắt</translation>
    </message>
    <message>
        <source>Everyone who opens this database works as an administrator with every right. Turn accounts on to make everyone sign in, each with a role: administrator, personnel officer, leader or read only, optionally limited to some units.</source>
        <translation>Ai mở cơ sở dữ liệu này cũng làm việc với toàn quyền của quản trị viên. Hãy bật tài khoản để mọi người phải đăng nhập, mỗi người một vai trò: quản trị, cán bộ tổ chức, lãnh đạo hoặc chỉ xem, có thể giới hạn trong một số đơn vị.</translation>
    </message>
    <message>
        <source>Turn on user accounts…</source>
        <translation>Bật tài khoản người dùng…</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <source>Whole agency</source>
        <translation>Toàn cơ quan</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Tạm khóa đến %1</translation>
    </message>
    <message>
        <source>Active, must change the password</source>
        <translation>Hoạt động, phải đổi mật khẩu</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>User accounts are on; you are signed in as %1.</source>
        <translation>Đã bật tài khoản người dùng; bạn đang đăng nhập là %1.</translation>
    </message>
    <message>
        <source>Deactivate the account %1? It can no longer sign in; its past work stays in the audit log.</source>
        <translation>Vô hiệu hóa tài khoản %1? Tài khoản sẽ không đăng nhập được nữa; những việc đã làm vẫn còn trong nhật ký.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>The agency, user accounts, the audit log of every change and export, and backups</source>
        <translation>Thông tin cơ quan, tài khoản người dùng, nhật ký mọi thay đổi và xuất tệp, sao lưu</translation>
    </message>
    <message>
        <source>Only an administrator can manage accounts, read the audit log and make or restore backups.</source>
        <translation>Chỉ quản trị viên mới được quản lý tài khoản, xem nhật ký, sao lưu và khôi phục dữ liệu.</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
</context>
<context>
    <name>AgencyForm</name>
    <message>
        <source>— choose the province or city —</source>
        <translation>— chọn tỉnh, thành phố —</translation>
    </message>
    <message>
        <source>e.g. UBND TỈNH GIA LAI</source>
        <translation>ví dụ: UBND TỈNH GIA LAI</translation>
    </message>
    <message>
        <source>e.g. SỞ KHOA HỌC VÀ CÔNG NGHỆ</source>
        <translation>ví dụ: SỞ KHOA HỌC VÀ CÔNG NGHỆ</translation>
    </message>
    <message>
        <source>e.g. SKHCN</source>
        <translation>ví dụ: SKHCN</translation>
    </message>
    <message>
        <source>e.g. Gia Lai</source>
        <translation>ví dụ: Gia Lai</translation>
    </message>
    <message>
        <source>e.g. GIÁM ĐỐC</source>
        <translation>ví dụ: GIÁM ĐỐC</translation>
    </message>
    <message>
        <source>e.g. PHÓ GIÁM ĐỐC (leave empty if the head signs)</source>
        <translation>ví dụ: PHÓ GIÁM ĐỐC (để trống nếu thủ trưởng ký)</translation>
    </message>
    <message>
        <source>Province or city *</source>
        <translation>Tỉnh, thành phố *</translation>
    </message>
    <message>
        <source>Governing body *</source>
        <translation>Cơ quan chủ quản *</translation>
    </message>
    <message>
        <source>Agency name *</source>
        <translation>Tên cơ quan *</translation>
    </message>
    <message>
        <source>Short name (number and unit-code prefix)</source>
        <translation>Tên viết tắt (số văn bản, tiền tố mã đơn vị)</translation>
    </message>
    <message>
        <source>Place name of the date line *</source>
        <translation>Địa danh ghi ngày tháng *</translation>
    </message>
    <message>
        <source>Head&apos;s title (signs) *</source>
        <translation>Chức vụ thủ trưởng (người ký) *</translation>
    </message>
    <message>
        <source>Head&apos;s name</source>
        <translation>Họ tên thủ trưởng</translation>
    </message>
    <message>
        <source>Deputy signing for the head (KT.): title</source>
        <translation>Cấp phó ký thay (KT.): chức vụ</translation>
    </message>
    <message>
        <source>Deputy signing for the head: name</source>
        <translation>Cấp phó ký thay: họ tên</translation>
    </message>
    <message>
        <source>Prepared by (name)</source>
        <translation>Người lập biểu (họ tên)</translation>
    </message>
    <message>
        <source>The agency (top left of every document)</source>
        <translation>Cơ quan (in ở góc trên bên trái mọi văn bản)</translation>
    </message>
    <message>
        <source>Signers (signature blocks)</source>
        <translation>Người ký (phần chữ ký)</translation>
    </message>
</context>
<context>
    <name>AgencyTab</name>
    <message>
        <source>The agency&apos;s name, governing body, province, the place of the date line and the signers are printed on every letterhead and signature block and shown at the top of the window. Fields marked * are required.</source>
        <translation>Tên cơ quan, cơ quan chủ quản, tỉnh, địa danh ghi ngày tháng và người ký được in ở đầu và phần chữ ký của mọi văn bản, và hiện ở đầu cửa sổ. Các ô có dấu * là bắt buộc.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Hoàn tác thay đổi</translation>
    </message>
    <message>
        <source>The agency was saved: %1.</source>
        <translation>Đã lưu thông tin cơ quan: %1.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Database not found</source>
        <translation>Không tìm thấy cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>There is no database at %1.

Create a new, empty database there?</source>
        <translation>Không có cơ sở dữ liệu tại %1.

Tạo một cơ sở dữ liệu mới, trống ở đó?</translation>
    </message>
    <message>
        <source>Create new database</source>
        <translation>Tạo cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The agency was saved. Import the units and staff from Excel: Staff records → Import.</source>
        <translation>Đã lưu thông tin cơ quan. Nhập đơn vị và cán bộ từ Excel: Hồ sơ CCVC → Nhập từ Excel….</translation>
    </message>
    <message>
        <source>The demo department was loaded.</source>
        <translation>Đã nạp dữ liệu mẫu của Sở.</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Loading the demo department…</source>
        <translation>Đang nạp dữ liệu mẫu…</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve the list</source>
        <translation>Phê duyệt danh sách</translation>
    </message>
    <message numerus="yes">
        <source>%n salary change(s) will be recorded with this decision:</source>
        <translation>
            <numerusform>Quyết định này sẽ ghi %n diễn biến lương:</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>To-do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Reminders of what falls due: pay steps, retirement notices, ends of appointment terms and probation, expiring certificates.</source>
        <translation>Nhắc việc đến hạn: nâng bậc lương, thông báo nghỉ hưu, hết nhiệm kỳ bổ nhiệm, hết thời gian tập sự, chứng chỉ hết hạn.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức bộ máy</translation>
    </message>
    <message>
        <source>The tree of units with their history of creation, renaming, merging and closing, each with its decision.</source>
        <translation>Cây đơn vị cùng lịch sử thành lập, đổi tên, sáp nhập, giải thể; mỗi thay đổi kèm quyết định.</translation>
    </message>
    <message>
        <source>Job positions</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>The job positions of each unit with their job descriptions and competency frameworks.</source>
        <translation>Vị trí việc làm của từng đơn vị cùng bản mô tả công việc và khung năng lực.</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Biên chế</translation>
    </message>
    <message>
        <source>Headcount quotas by year, unit and category, compared with actual staff and vacancies.</source>
        <translation>Biên chế và số lượng người làm việc được giao theo năm, đơn vị và loại, so với số hiện có và số còn thiếu.</translation>
    </message>
    <message>
        <source>Staff records</source>
        <translation>Hồ sơ CCVC</translation>
    </message>
    <message>
        <source>The records of civil servants, public employees and contract workers.</source>
        <translation>Hồ sơ cán bộ, công chức, viên chức và người lao động.</translation>
    </message>
    <message>
        <source>Pay steps and retirement</source>
        <translation>Lương, nghỉ hưu</translation>
    </message>
    <message>
        <source>Lists of regular and early pay steps, seniority allowance and retirements for a period, printed and approved with a decision.</source>
        <translation>Danh sách nâng bậc lương thường xuyên và trước thời hạn, phụ cấp thâm niên vượt khung và nghỉ hưu theo kỳ; in và phê duyệt bằng quyết định.</translation>
    </message>
    <message>
        <source>Calculators</source>
        <translation>Tính thử</translation>
    </message>
    <message>
        <source>Retirement date and next pay step for anyone, from the regulation data.</source>
        <translation>Tính thời điểm nghỉ hưu và kỳ nâng bậc lương tiếp theo cho bất kỳ ai, theo dữ liệu quy định.</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <translation>Tuyển dụng</translation>
    </message>
    <message>
        <source>Recruitment plans and rounds: candidates, priority points, scores, ranking and results.</source>
        <translation>Kế hoạch và kỳ tuyển dụng: thí sinh, điểm ưu tiên, điểm thi, xếp hạng và kết quả.</translation>
    </message>
    <message>
        <source>Succession planning</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Succession plans for leadership posts by period, with the people planned and whether they meet the requirements.</source>
        <translation>Quy hoạch chức danh lãnh đạo, quản lý theo từng giai đoạn, người được quy hoạch và việc đáp ứng tiêu chuẩn.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Đào tạo</translation>
    </message>
    <message>
        <source>Training plans, courses and each person&apos;s training record, with the gaps between required and held qualifications.</source>
        <translation>Kế hoạch đào tạo, bồi dưỡng, các khóa học, quá trình đào tạo của từng người và những tiêu chuẩn còn thiếu.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Official lists and reports, printed on A4 and exported to Excel.</source>
        <translation>Danh sách và báo cáo theo mẫu, in trên giấy A4 và xuất ra Excel.</translation>
    </message>
    <message>
        <source>Regulation data</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>The versions of the regulations&apos; numbers with their legal basis and dates, editable by an administrator.</source>
        <translation>Các phiên bản số liệu của quy định với căn cứ pháp lý và thời gian áp dụng; quản trị viên được sửa.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>User accounts and roles, the audit log of every change and export, backups and restore.</source>
        <translation>Tài khoản và vai trò người dùng, nhật ký mọi thay đổi và lần xuất dữ liệu, sao lưu và khôi phục.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Only an administrator can read the audit log.</source>
        <translation>Chỉ quản trị viên mới được xem nhật ký.</translation>
    </message>
    <message>
        <source>Name, diacritics optional</source>
        <translation>Họ tên, gõ không dấu cũng được</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Giá trị cũ</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Mọi người dùng</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Mọi đối tượng</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 dòng</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows of the audit log were saved to %2.</source>
        <translation>Đã ghi %1 dòng nhật ký vào %2.</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Record of</source>
        <translation>Hồ sơ của</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Nội dung</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Back up now…</source>
        <translation>Sao lưu ngay…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>Restore the selected copy…</source>
        <translation>Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Encrypt the database…</source>
        <translation>Mã hóa cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Decrypt…</source>
        <translation>Giải mã…</translation>
    </message>
    <message>
        <source>Automatic daily copies</source>
        <translation>Bản sao lưu tự động hằng ngày</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Each day the application is opened it copies the database, attached documents included, into %1 and keeps the newest %2 copies. “Back up now” makes a copy in a file you choose (keep one away from this computer). Restoring keeps a copy of the current data first.</source>
        <translation>Mỗi ngày mở chương trình, cơ sở dữ liệu (cả tài liệu đính kèm) được sao vào %1 và giữ %2 bản mới nhất. “Sao lưu ngay” tạo một bản vào tệp bạn chọn (nên giữ một bản ở nơi khác ngoài máy này). Trước khi khôi phục, dữ liệu hiện tại được giữ lại một bản.</translation>
    </message>
    <message>
        <source>The database is on a server: its backups are made there by the server&apos;s administrator (pg_dump). “Back up now” writes a copy of every table into a file that the application can open; a server is restored with copy-to from such a file into an empty database.</source>
        <translation>Cơ sở dữ liệu nằm trên máy chủ: việc sao lưu do người quản trị máy chủ thực hiện (pg_dump). “Sao lưu ngay” chép mọi bảng vào một tệp mà chương trình mở được; máy chủ được khôi phục bằng lệnh copy-to từ tệp đó vào một cơ sở dữ liệu trống.</translation>
    </message>
    <message>
        <source>Encryption: on. The database file and its backups can be read only with the passphrase, which is asked at each start and saved nowhere.</source>
        <translation>Mã hóa: bật. Tệp cơ sở dữ liệu và các bản sao lưu chỉ đọc được bằng cụm mật khẩu; cụm mật khẩu được hỏi mỗi lần mở và không lưu ở đâu cả.</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Đổi cụm mật khẩu…</translation>
    </message>
    <message>
        <source>Encryption: off. Anyone who can copy the database file or a backup can read every record.</source>
        <translation>Mã hóa: tắt. Ai chép được tệp cơ sở dữ liệu hoặc một bản sao lưu đều đọc được mọi hồ sơ.</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>CalculatorsPage</name>
    <message>
        <source>Calculators</source>
        <translation>Tính thử</translation>
    </message>
    <message>
        <source>Retirement and pay-step dates for anyone, by the regulations stored in this database</source>
        <translation>Thời điểm nghỉ hưu và nâng bậc lương của bất kỳ ai, theo các quy định lưu trong cơ sở dữ liệu này</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Full date</source>
        <translation>Đủ ngày, tháng, năm</translation>
    </message>
    <message>
        <source>Month and year only</source>
        <translation>Chỉ có tháng, năm</translation>
    </message>
    <message>
        <source>Year only</source>
        <translation>Chỉ có năm</translation>
    </message>
    <message>
        <source>Retirement</source>
        <translation>Nghỉ hưu</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Retirement age</source>
        <translation>Tuổi nghỉ hưu</translation>
    </message>
    <message>
        <source>Reaches it on</source>
        <translation>Đủ tuổi ngày</translation>
    </message>
    <message>
        <source>Last working day</source>
        <translation>Làm việc đến hết ngày</translation>
    </message>
    <message>
        <source>Retirement date</source>
        <translation>Thời điểm nghỉ hưu</translation>
    </message>
    <message>
        <source>Notice due by</source>
        <translation>Hạn thông báo nghỉ hưu</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>Discipline (khiển trách, cảnh cáo: 6 months; cách chức: 12), each year rated &apos;không hoàn thành nhiệm vụ&apos; (6), unpaid leave</source>
        <translation>Kỷ luật (khiển trách, cảnh cáo: 6 tháng; cách chức: 12 tháng), mỗi năm xếp loại không hoàn thành nhiệm vụ (6 tháng), nghỉ không lương</translation>
    </message>
    <message>
        <source>Next pay step</source>
        <translation>Nâng bậc lương tiếp theo</translation>
    </message>
    <message>
        <source>Salary class</source>
        <translation>Loại ngạch lương</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Bậc đang hưởng</translation>
    </message>
    <message>
        <source>Current step counts from</source>
        <translation>Ngày tính nâng bậc lần sau</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Thời gian kéo dài</translation>
    </message>
    <message>
        <source>Current coefficient</source>
        <translation>Hệ số đang hưởng</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>%1 years %2 months</source>
        <translation>%1 tuổi %2 tháng</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 tuổi</translation>
    </message>
    <message>
        <source>no notice rule for that date</source>
        <translation>chưa có quy định về thông báo vào thời điểm đó</translation>
    </message>
    <message>
        <source>Last step: seniority allowance above the scale %1%</source>
        <translation>Bậc cuối: hưởng phụ cấp thâm niên vượt khung %1%</translation>
    </message>
    <message>
        <source>Step %1, coefficient %2</source>
        <translation>Bậc %1, hệ số %2</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <source>Registration form</source>
        <translation>Phiếu đăng ký dự tuyển</translation>
    </message>
    <message>
        <source>Registration form: %1</source>
        <translation>Phiếu đăng ký dự tuyển: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>e.g. English</source>
        <translation>ví dụ Tiếng Anh</translation>
    </message>
    <message>
        <source>(no second preference)</source>
        <translation>(không đăng ký nguyện vọng 2)</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <source>Sex *</source>
        <translation>Giới tính *</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Ngày sinh *</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Citizen ID (CCCD) *</source>
        <translation>Số CCCD *</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <source>Permanent address</source>
        <translation>Hộ khẩu thường trú</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Chỗ ở hiện nay</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Highest degree</source>
        <translation>Trình độ chuyên môn cao nhất</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Chuyên ngành đào tạo</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Cơ sở đào tạo</translation>
    </message>
    <message>
        <source>Year of graduation</source>
        <translation>Năm tốt nghiệp</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại tốt nghiệp</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>Lý luận chính trị</translation>
    </message>
    <message>
        <source>Computer skills</source>
        <translation>Tin học</translation>
    </message>
    <message>
        <source>Foreign language</source>
        <translation>Ngoại ngữ</translation>
    </message>
    <message>
        <source>Language level</source>
        <translation>Trình độ ngoại ngữ</translation>
    </message>
    <message>
        <source>Years of experience</source>
        <translation>Số năm kinh nghiệm</translation>
    </message>
    <message>
        <source>Position applied for *</source>
        <translation>Vị trí dự tuyển *</translation>
    </message>
    <message>
        <source>Second preference</source>
        <translation>Nguyện vọng 2</translation>
    </message>
    <message>
        <source>Priority groups</source>
        <translation>Đối tượng ưu tiên</translation>
    </message>
    <message>
        <source>Exempt from</source>
        <translation>Miễn thi phần</translation>
    </message>
    <message>
        <source>Grounds for the exemption</source>
        <translation>Căn cứ miễn thi</translation>
    </message>
    <message>
        <source>Form submitted on</source>
        <translation>Ngày nộp phiếu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Đăng ký dự tuyển</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Excel template…</source>
        <translation>Mẫu Excel…</translation>
    </message>
    <message>
        <source>Check conditions</source>
        <translation>Kiểm tra điều kiện</translation>
    </message>
    <message>
        <source>Check every candidate against the requirements of the positions</source>
        <translation>Đối chiếu từng người dự tuyển với tiêu chuẩn, điều kiện của vị trí đăng ký</translation>
    </message>
    <message>
        <source>Assign candidate numbers</source>
        <translation>Đánh số báo danh</translation>
    </message>
    <message>
        <source>Cand. no.</source>
        <translation>SBD</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Positions applied for</source>
        <translation>Vị trí đăng ký (nguyện vọng)</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Trình độ, chuyên ngành</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Lý do không đủ điều kiện</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <source>not eligible</source>
        <translation>không đủ điều kiện</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n người dự tuyển</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel template</source>
        <translation>Mẫu Excel</translation>
    </message>
    <message>
        <source>Candidates.xlsx</source>
        <translation>Nguoi du tuyen.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Import candidates</source>
        <translation>Nhập danh sách người dự tuyển</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xls *.xlsm)</source>
        <translation>Bảng tính Excel (*.xlsx *.xls *.xlsm)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 lỗi khác</translation>
    </message>
</context>
<context>
    <name>CapExceptionDialog</name>
    <message>
        <source>Higher share of excellent ratings by decision</source>
        <translation>Tỷ lệ hoàn thành xuất sắc nhiệm vụ cao hơn theo quyết định</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Year rated</source>
        <translation>Năm đánh giá</translation>
    </message>
    <message>
        <source>Share allowed (%)</source>
        <translation>Tỷ lệ được phép (%)</translation>
    </message>
    <message>
        <source>above 20, as decided</source>
        <translation>trên 20, theo quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Decision of the competent authority</source>
        <translation>Quyết định của cấp có thẩm quyền</translation>
    </message>
    <message>
        <source>Already decided: %1% by %2</source>
        <translation>Đã có quyết định: %1% theo %2</translation>
    </message>
    <message>
        <source>No one of this unit is rated for this year yet.</source>
        <translation>Chưa có ai của đơn vị được xếp loại năm này.</translation>
    </message>
</context>
<context>
    <name>CareerListsPage</name>
    <message>
        <source>Pay steps and retirement</source>
        <translation>Nâng lương, nghỉ hưu</translation>
    </message>
    <message>
        <source>Lists due for a period: regular and early pay steps, seniority allowance, retirements</source>
        <translation>Danh sách đến hạn trong kỳ: nâng bậc lương thường xuyên và trước thời hạn, phụ cấp thâm niên vượt khung, nghỉ hưu</translation>
    </message>
    <message>
        <source>Unit (people of its sub-units are included)</source>
        <translation>Đơn vị (gồm cả người của các đơn vị trực thuộc)</translation>
    </message>
    <message>
        <source>Include overdue</source>
        <translation>Gồm cả quá hạn</translation>
    </message>
    <message>
        <source>Also list steps that fell due before the period and are not recorded</source>
        <translation>Liệt kê cả những người đến hạn trước kỳ mà chưa có quyết định</translation>
    </message>
    <message>
        <source>Full form</source>
        <translation>Mẫu đầy đủ</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>Mẫu rút gọn</translation>
    </message>
    <message>
        <source>Full form: current and proposed salary side by side; due list: the short list of who falls due</source>
        <translation>Mẫu đầy đủ: mức lương đang hưởng và kết quả nâng lương cạnh nhau; mẫu rút gọn: danh sách cán bộ đến kỳ</translation>
    </message>
    <message>
        <source>Make the list</source>
        <translation>Lập danh sách</translation>
    </message>
    <message>
        <source>Regular pay steps</source>
        <translation>Nâng bậc thường xuyên</translation>
    </message>
    <message>
        <source>Seniority allowance (PCTNVK)</source>
        <translation>Phụ cấp thâm niên vượt khung</translation>
    </message>
    <message>
        <source>Early pay steps</source>
        <translation>Nâng bậc trước thời hạn</translation>
    </message>
    <message>
        <source>Retirement</source>
        <translation>Nghỉ hưu</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Xem trước khi in…</translation>
    </message>
    <message>
        <source>Save as PDF or Excel…</source>
        <translation>Lưu thành PDF hoặc Excel…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Phê duyệt…</translation>
    </message>
    <message>
        <source>Rank promotion…</source>
        <translation>Nâng ngạch, thăng hạng…</translation>
    </message>
    <message>
        <source>Who may be promoted to a higher rank, the list for the council, and the promotion with its decision</source>
        <translation>Những người đủ điều kiện nâng ngạch, thăng hạng, danh sách trình hội đồng và quyết định nâng ngạch</translation>
    </message>
    <message>
        <source>Record the ticked rows with the decision that approves them</source>
        <translation>Ghi các dòng đã chọn theo quyết định phê duyệt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Ngạch</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bậc</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Counts from</source>
        <translation>Ngày tính nâng bậc</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>Bậc mới</translation>
    </message>
    <message>
        <source>New coefficient</source>
        <translation>Hệ số mới</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Bậc cuối</translation>
    </message>
    <message>
        <source>Current %</source>
        <translation>% đang hưởng</translation>
    </message>
    <message>
        <source>New %</source>
        <translation>% mới</translation>
    </message>
    <message>
        <source>Retirement notice</source>
        <translation>Có thông báo nghỉ hưu</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>Lập thành tích</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Regular date</source>
        <translation>Hạn thường xuyên</translation>
    </message>
    <message>
        <source>Early from</source>
        <translation>Nâng trước từ ngày</translation>
    </message>
    <message>
        <source>Rating of the year</source>
        <translation>Xếp loại năm</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Retirement age</source>
        <translation>Tuổi nghỉ hưu</translation>
    </message>
    <message>
        <source>Last working day</source>
        <translation>Làm việc đến hết ngày</translation>
    </message>
    <message>
        <source>Retirement date</source>
        <translation>Thời điểm nghỉ hưu</translation>
    </message>
    <message>
        <source>Notice due by</source>
        <translation>Hạn thông báo nghỉ hưu</translation>
    </message>
    <message>
        <source>No one is due for a regular pay step from %1 to %2.</source>
        <translation>Không có ai đến hạn nâng bậc lương thường xuyên từ %1 đến %2.</translation>
    </message>
    <message>
        <source>No one is due for the seniority allowance from %1 to %2.</source>
        <translation>Không có ai đến hạn hưởng phụ cấp thâm niên vượt khung từ %1 đến %2.</translation>
    </message>
    <message>
        <source>No one may get an early pay step in %1.</source>
        <translation>Không có ai đủ điều kiện nâng bậc lương trước thời hạn trong năm %1.</translation>
    </message>
    <message>
        <source>No one reaches the retirement age in %1.</source>
        <translation>Không có ai đến tuổi nghỉ hưu trong năm %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 ticked</source>
        <translation>%1 / %2 người được chọn</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Making the list…</source>
        <translation>Đang lập danh sách…</translation>
    </message>
    <message>
        <source>Showing the next period with people due.</source>
        <translation>Đang xem kỳ tiếp theo có người đến hạn.</translation>
    </message>
    <message>
        <source>%1: %2 on the payroll, at most %3 early steps for achievements in %4, %5 already granted</source>
        <translation>%1: %2 người hưởng lương; nâng trước hạn do lập thành tích tối đa %3 người năm %4, đã nâng %5</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <source>Untick</source>
        <translation>Bỏ chọn</translation>
    </message>
    <message>
        <source>%1 may give at most %2 more early steps for achievements in %3.</source>
        <translation>%1 chỉ còn được nâng bậc lương trước thời hạn do lập thành tích cho tối đa %2 người nữa trong năm %3.</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation>Lưu danh sách</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>Before you start, choose a new password of your own for the account %1.</source>
        <translation>Trước khi bắt đầu, hãy đặt mật khẩu mới của riêng bạn cho tài khoản %1.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>At least 8 characters, with letters and digits or symbols.</source>
        <translation>Ít nhất 8 ký tự, gồm chữ và chữ số hoặc ký hiệu.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau.</translation>
    </message>
</context>
<context>
    <name>CloseUnitDialog</name>
    <message>
        <source>Close unit</source>
        <translation>Giải thể đơn vị</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>The unit&apos;s last day is the day before the decision takes effect. Its staff must have moved by then.</source>
        <translation>Đơn vị hoạt động đến hết ngày trước ngày quyết định có hiệu lực. Nhân sự của đơn vị phải được điều động trước ngày đó.</translation>
    </message>
    <message>
        <source>Decision to close</source>
        <translation>Quyết định giải thể</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Copy job position</source>
        <translation>Sao chép vị trí việc làm</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>To unit</source>
        <translation>Sang đơn vị</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Mã mới</translation>
    </message>
</context>
<context>
    <name>CopyQuotasDialog</name>
    <message>
        <source>Copy quotas to another year</source>
        <translation>Chép biên chế sang năm khác</translation>
    </message>
    <message>
        <source>From year</source>
        <translation>Từ năm</translation>
    </message>
    <message>
        <source>To year</source>
        <translation>Sang năm</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Write the date as dd/mm/yyyy, for example 05/03/1985.</source>
        <translation>Ngày phải ghi dạng dd/mm/yyyy, ví dụ 05/03/1985.</translation>
    </message>
    <message>
        <source>%1 is not a real date.</source>
        <translation>%1 không phải là ngày có thật.</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Type the day, month and year: 05031985, 5/3/85 or 05/03/1985</source>
        <translation>Gõ ngày, tháng, năm: 05031985, 5/3/85 hoặc 05/03/1985</translation>
    </message>
    <message>
        <source>Enter a date (dd/mm/yyyy).</source>
        <translation>Hãy nhập ngày (dd/mm/yyyy).</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>e.g. 76/QĐ-SKHCN</source>
        <translation>ví dụ 76/QĐ-SKHCN</translation>
    </message>
    <message>
        <source>Takes effect on another day</source>
        <translation>Có hiệu lực từ ngày khác</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành tệp</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>In tài liệu</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Đang ghi tài liệu…</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Ngạch</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>The list is in order of given name, then middle and family name</source>
        <translation>Danh sách xếp theo tên, rồi đến tên đệm và họ</translation>
    </message>
</context>
<context>
    <name>EnableAccountsDialog</name>
    <message>
        <source>Turn on user accounts</source>
        <translation>Bật tài khoản người dùng</translation>
    </message>
    <message>
        <source>From now on everyone must sign in with a user name and password, and each role sees and changes only what it may. Create the first administrator account:</source>
        <translation>Từ nay mọi người phải đăng nhập bằng tên và mật khẩu, mỗi vai trò chỉ xem và sửa được phần của mình. Tạo tài khoản quản trị viên đầu tiên:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>EntryPicker</name>
    <message>
        <source>%1 (%2 of %3 planned)</source>
        <translation>%1 (đã quy hoạch %2/%3)</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Thêm vào danh sách</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người được quy hoạch</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>To be planned</source>
        <translation>Danh sách đưa vào quy hoạch</translation>
    </message>
    <message>
        <source>Choose a post and a person to see the checks.</source>
        <translation>Chọn chức danh và người để xem kết quả kiểm tra.</translation>
    </message>
    <message>
        <source>Meets every requirement.</source>
        <translation>Đáp ứng đủ các tiêu chuẩn, điều kiện.</translation>
    </message>
    <message>
        <source>Cannot be added:</source>
        <translation>Không thể đưa vào quy hoạch:</translation>
    </message>
    <message>
        <source>Does not meet (may still be planned, shown as a warning):</source>
        <translation>Chưa đạt (vẫn có thể quy hoạch, được ghi chú cảnh báo):</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>The database is empty</source>
        <translation>Cơ sở dữ liệu chưa có dữ liệu</translation>
    </message>
    <message>
        <source>How would you like to start?</source>
        <translation>Bạn muốn bắt đầu như thế nào?</translation>
    </message>
    <message>
        <source>Load the demo department</source>
        <translation>Nạp dữ liệu mẫu</translation>
    </message>
    <message>
        <source>A sample Department of Science and Technology with its units and staff, to try the application.</source>
        <translation>Một Sở Khoa học và Công nghệ mẫu với các đơn vị và cán bộ, để dùng thử phần mềm.</translation>
    </message>
    <message>
        <source>Set up my agency</source>
        <translation>Nhập thông tin cơ quan của tôi</translation>
    </message>
    <message>
        <source>Name, governing body, province and signers for every document; then import from Excel.</source>
        <translation>Tên, cơ quan chủ quản, tỉnh và người ký in trên văn bản; rồi nhập đơn vị, cán bộ từ Excel.</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Bắt đầu với cơ sở dữ liệu trống</translation>
    </message>
    <message>
        <source>Enter your own units and staff records; the agency can be set later in Administration.</source>
        <translation>Tự nhập đơn vị và hồ sơ cán bộ; thông tin cơ quan có thể nhập sau trong Quản trị.</translation>
    </message>
    <message>
        <source>Encrypt this database with a passphrase</source>
        <translation>Mã hóa cơ sở dữ liệu này bằng cụm mật khẩu</translation>
    </message>
    <message>
        <source>The passphrase is asked twice; it is not saved anywhere and is needed each time the database is opened. If it is lost, so are the data.</source>
        <translation>Cụm mật khẩu được hỏi hai lần; nó không được lưu ở đâu cả và cần mỗi lần mở cơ sở dữ liệu. Mất cụm mật khẩu là mất dữ liệu.</translation>
    </message>
    <message>
        <source>Your agency</source>
        <translation>Cơ quan của bạn</translation>
    </message>
    <message>
        <source>Printed at the top of every document and in its signature block. Fields marked * are required; all can be changed later in Administration → Agency.</source>
        <translation>In ở đầu và phần chữ ký của mọi văn bản. Các ô có dấu * là bắt buộc; có thể sửa sau trong Quản trị → Cơ quan.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Lưu và bắt đầu</translation>
    </message>
    <message>
        <source>Encrypt the database</source>
        <translation>Mã hóa cơ sở dữ liệu</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>HireDialog</name>
    <message>
        <source>Hire the winners</source>
        <translation>Tuyển dụng người trúng tuyển</translation>
    </message>
    <message>
        <source>no probation for civil servants recruited under Decree 170/2025</source>
        <translation>công chức tuyển dụng theo Nghị định 170/2025 không thực hiện chế độ tập sự</translation>
    </message>
    <message>
        <source>probation by the rank&apos;s required level, paid 85% of the starting step</source>
        <translation>tập sự theo trình độ chức danh yêu cầu, hưởng 85% mức lương bậc 1</translation>
    </message>
    <message>
        <source>%1 winner(s) become staff records: employment in the position&apos;s unit as %2, rank or title of the position, starting step; %3.</source>
        <translation>%1 người trúng tuyển được lập hồ sơ cán bộ: vào làm việc tại đơn vị của vị trí, loại %2, ngạch hoặc chức danh nghề nghiệp của vị trí, bậc khởi điểm; %3.</translation>
    </message>
    <message>
        <source>Candidate no.</source>
        <translation>SBD</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Starting step</source>
        <translation>Bậc khởi điểm</translation>
    </message>
    <message>
        <source>the decision&apos;s date</source>
        <translation>ngày hiệu lực của quyết định</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu làm việc</translation>
    </message>
    <message>
        <source>Recruitment decision *</source>
        <translation>Quyết định tuyển dụng *</translation>
    </message>
    <message>
        <source>Recruitment of the winners of the round</source>
        <translation>Tuyển dụng người trúng tuyển kỳ tuyển dụng</translation>
    </message>
</context>
<context>
    <name>HiringTab</name>
    <message>
        <source>Hire the winners…</source>
        <translation>Tuyển dụng người trúng tuyển…</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Cand. no.</source>
        <translation>SBD</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <source>Staff record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>created</source>
        <translation>đã lập</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>chờ tuyển dụng</translation>
    </message>
    <message>
        <source>%1 of %2 winner(s) hired</source>
        <translation>%1/%2 người trúng tuyển đã được tuyển dụng</translation>
    </message>
    <message>
        <source>The winners are now staff records.</source>
        <translation>Đã lập hồ sơ cán bộ cho người trúng tuyển.</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import staff records from Excel</source>
        <translation>Nhập hồ sơ cán bộ từ Excel</translation>
    </message>
    <message>
        <source>Fill in the template (one sheet for people, further sheets for qualifications, salary history, work history and family; starting from an empty database, the units and their quotas too). Every row is checked first; if one has an error nothing is imported. People are recognised by their citizen ID number, so importing the same file again adds nobody.</source>
        <translation>Nhập dữ liệu vào mẫu (một trang cho danh sách người, các trang khác cho trình độ, quá trình lương, quá trình công tác và gia đình; bắt đầu từ cơ sở dữ liệu trống thì cả đơn vị và biên chế được giao). Mọi dòng được kiểm tra trước; chỉ cần một dòng có lỗi thì không nhập dòng nào. Mỗi người được nhận ra bằng số CCCD, nên nhập lại cùng một tệp không tạo hồ sơ trùng.</translation>
    </message>
    <message>
        <source>Workbook (.xlsx) to import</source>
        <translation>Tệp Excel (.xlsx) cần nhập</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Download the template…</source>
        <translation>Tải mẫu nhập…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Save errors as .xlsx…</source>
        <translation>Lưu danh sách lỗi (.xlsx)…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the workbook</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls)</source>
        <translation>Tệp Excel (*.xlsx *.xlsm *.xls)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Lưu mẫu nhập</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Mẫu nhập</translation>
    </message>
    <message>
        <source>Writing the template…</source>
        <translation>Đang tạo mẫu nhập…</translation>
    </message>
    <message>
        <source>The template was saved to %1.</source>
        <translation>Đã lưu mẫu nhập vào %1.</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Đang kiểm tra các dòng…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập dữ liệu…</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>The first %1 errors are shown; save the errors as .xlsx to read them all.</source>
        <translation>Đang hiện %1 lỗi đầu tiên; hãy lưu danh sách lỗi ra tệp .xlsx để xem đủ.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Đã hủy; chưa nhập dữ liệu nào.</translation>
    </message>
    <message>
        <source>Save the errors</source>
        <translation>Lưu danh sách lỗi</translation>
    </message>
    <message>
        <source>The list of errors was saved to %1.</source>
        <translation>Đã lưu danh sách lỗi vào %1.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Staff records management</source>
        <translation>Quản lý cán bộ, công chức, viên chức</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>The account is locked until %1.</source>
        <translation>Tài khoản bị khóa đến %1.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>You must choose a new password before you can continue.</source>
        <translation>Bạn phải đặt mật khẩu mới mới có thể tiếp tục.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HR records of civil servants and public employees</source>
        <translation>Quản lý hồ sơ cán bộ, công chức, viên chức</translation>
    </message>
    <message>
        <source>Staff records management</source>
        <translation>Quản lý cán bộ, công chức, viên chức</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>Thêm &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>T&amp;hao tác</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>Agency not set (Administration → Agency)</source>
        <translation>Chưa nhập thông tin cơ quan (Quản trị → Cơ quan)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu (*.sqlite3 *.sqlite *.db);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Tạo cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <source>Databases (*.sqlite3 *.sqlite *.db)</source>
        <translation>Cơ sở dữ liệu (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>This file already exists. Use Open database to open it.</source>
        <translation>Tệp này đã có. Hãy dùng “Mở cơ sở dữ liệu” để mở tệp.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Records, organisation, headcount, recruitment, succession planning and training of civil servants and public employees, for the personnel office of a provincial department. Works offline; data stays in the database shown in the status bar.</source>
        <translation>Quản lý hồ sơ, tổ chức bộ máy, biên chế, tuyển dụng, quy hoạch và đào tạo cán bộ, công chức, viên chức, dành cho bộ phận tổ chức cán bộ của một sở. Chạy không cần Internet; dữ liệu nằm trong cơ sở dữ liệu ghi ở thanh trạng thái.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <source>The new language is used the next time the application starts.</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần mở phần mềm tiếp theo.</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>A task is still running. Cancel it and exit?</source>
        <translation>Một công việc đang chạy. Hủy công việc đó và thoát?</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>MoveUnitDialog</name>
    <message>
        <source>Move unit</source>
        <translation>Chuyển đơn vị</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>New parent unit</source>
        <translation>Đơn vị trực thuộc mới</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Đổi cụm mật khẩu</translation>
    </message>
    <message>
        <source>Encrypt the database</source>
        <translation>Mã hóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database file and every backup made from now on can be read only with this passphrase. It is not saved anywhere: it is asked each time the application opens the database. If it is lost, the data cannot be recovered by anyone. At least %1 characters; a sentence is easier to remember than a code.</source>
        <translation>Từ nay tệp cơ sở dữ liệu và mọi bản sao lưu chỉ đọc được bằng cụm mật khẩu này. Cụm mật khẩu không được lưu ở đâu cả: chương trình hỏi mỗi lần mở cơ sở dữ liệu. Nếu mất cụm mật khẩu, không ai khôi phục được dữ liệu. Ít nhất %1 ký tự; một câu dễ nhớ hơn một dãy ký hiệu.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Cụm mật khẩu mới</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Hai cụm mật khẩu không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>NewUnitDialog</name>
    <message>
        <source>New unit</source>
        <translation>Thành lập đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>(none: top of the tree)</source>
        <translation>(không: cấp cao nhất)</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Trực thuộc</translation>
    </message>
    <message>
        <source>Founding decision</source>
        <translation>Quyết định thành lập</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Open file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Open the file with the program the computer uses for it</source>
        <translation>Mở tệp bằng chương trình máy tính dùng cho loại tệp này</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Show the folder holding the file</source>
        <translation>Mở thư mục chứa tệp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>OrgPage</name>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức bộ máy</translation>
    </message>
    <message>
        <source>Units as they stood on the chosen day; every change is made by a decision</source>
        <translation>Các đơn vị như vào ngày đã chọn; mọi thay đổi đều theo quyết định</translation>
    </message>
    <message>
        <source>Show the organisation as it stood on this day</source>
        <translation>Xem tổ chức bộ máy như vào ngày này</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>Thành lập đơn vị…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Chuyển…</translation>
    </message>
    <message>
        <source>Merge or amalgamate…</source>
        <translation>Hợp nhất/sáp nhập…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Giải thể…</translation>
    </message>
    <message>
        <source>Excellent ratings share…</source>
        <translation>Tỷ lệ HTXS…</translation>
    </message>
    <message>
        <source>A higher share of excellent ratings for the year, by decision, for a unit with outstanding results</source>
        <translation>Tỷ lệ hoàn thành xuất sắc nhiệm vụ cao hơn trong năm, theo quyết định, cho đơn vị có thành tích xuất sắc, nổi trội</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình thay đổi</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ngày xem</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Người giữ</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Hết nhiệm kỳ</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>Thành lập</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Chuyển trực thuộc</translation>
    </message>
    <message>
        <source>Merged into another unit</source>
        <translation>Sáp nhập vào đơn vị khác</translation>
    </message>
    <message>
        <source>Received a merged unit</source>
        <translation>Tiếp nhận đơn vị sáp nhập</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Giải thể</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted backup</source>
        <translation>Bản sao lưu đã mã hóa</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>Cơ sở dữ liệu đã mã hóa</translation>
    </message>
    <message>
        <source>The backup %1 is encrypted. Type its passphrase to open it.</source>
        <translation>Bản sao lưu %1 đã được mã hóa. Nhập cụm mật khẩu để mở.</translation>
    </message>
    <message>
        <source>The database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>Cơ sở dữ liệu %1 đã được mã hóa. Nhập cụm mật khẩu để mở.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cụm mật khẩu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Hãy nhập cụm mật khẩu.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview – %1</source>
        <translation>Xem trước khi in – %1</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save this document as a PDF file (with its text, ready to send)</source>
        <translation>Lưu văn bản này thành tệp PDF (giữ nguyên chữ, dùng để gửi đi)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be opened.</source>
        <translation>Chưa in được: không mở được máy in.</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer (printed to the file %2).</source>
        <translation>Đã gửi %1 trang tới máy in (in ra tệp %2).</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer %2.</source>
        <translation>Đã gửi %1 trang tới máy in %2.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>Không lưu được tệp PDF: %1</translation>
    </message>
</context>
<context>
    <name>PersonDetailDialog</name>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Open this record in the profile editor</source>
        <translation>Mở hồ sơ này để sửa</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <source>No current post, rank or unit recorded</source>
        <translation>Chưa ghi chức vụ, ngạch hay đơn vị hiện tại</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Sơ yếu lý lịch</translation>
    </message>
    <message>
        <source>Employment and posts</source>
        <translation>Công tác, chức vụ</translation>
    </message>
    <message>
        <source>Rank and salary</source>
        <translation>Ngạch, lương</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — nay là %2</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Personal identification number</source>
        <translation>Mã số định danh</translation>
    </message>
    <message>
        <source>ID issued on</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>ID issued by</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <source>Permanent address</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Nơi ở hiện nay</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Số hiệu CBCCVC</translation>
    </message>
    <message>
        <source>Managing agency</source>
        <translation>Cơ quan quản lý CBCCVC</translation>
    </message>
    <message>
        <source>Social insurance number</source>
        <translation>Số sổ BHXH</translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation>Số thẻ BHYT</translation>
    </message>
    <message>
        <source>General education</source>
        <translation>Giáo dục phổ thông</translation>
    </message>
    <message>
        <source>Joined the Party</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Full Party member since</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>End reason</source>
        <translation>Lý do kết thúc</translation>
    </message>
    <message>
        <source>Recruited on</source>
        <translation>Ngày tuyển dụng</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Hết nhiệm kỳ</translation>
    </message>
    <message>
        <source> (concurrent)</source>
        <translation> (kiêm nhiệm)</translation>
    </message>
    <message>
        <source>Employment history</source>
        <translation>Quá trình công tác</translation>
    </message>
    <message>
        <source>Leadership posts</source>
        <translation>Chức vụ lãnh đạo, quản lý</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Ngạch</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bậc</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Tỷ lệ hưởng</translation>
    </message>
    <message>
        <source>Next step counted from</source>
        <translation>Mốc tính nâng bậc</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Diện</translation>
    </message>
    <message>
        <source>Ranks held</source>
        <translation>Quá trình giữ ngạch</translation>
    </message>
    <message>
        <source>Salary history</source>
        <translation>Quá trình lương</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>Major or language</source>
        <translation>Chuyên ngành, ngoại ngữ</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Cơ sở đào tạo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức đào tạo</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source> (in progress)</source>
        <translation> (đang học)</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Chưa có thông tin.</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Write a whole number.</source>
        <translation>Hãy ghi một số nguyên.</translation>
    </message>
    <message>
        <source>Write a number, for example 2,67.</source>
        <translation>Hãy ghi một số, ví dụ 2,67.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Family background</source>
        <translation>Thành phần gia đình xuất thân</translation>
    </message>
    <message>
        <source>Citizen ID number (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Personal identification number</source>
        <translation>Mã số định danh</translation>
    </message>
    <message>
        <source>ID issued on</source>
        <translation>Ngày cấp CCCD</translation>
    </message>
    <message>
        <source>ID issued by</source>
        <translation>Nơi cấp CCCD</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Nơi ở hiện nay</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Số hiệu CBCC</translation>
    </message>
    <message>
        <source>Managing agency</source>
        <translation>Cơ quan quản lý CBCCVC</translation>
    </message>
    <message>
        <source>Social insurance book</source>
        <translation>Số sổ BHXH</translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation>Số thẻ BHYT</translation>
    </message>
    <message>
        <source>General education</source>
        <translation>Giáo dục phổ thông</translation>
    </message>
    <message>
        <source>Occupation when recruited</source>
        <translation>Nghề nghiệp khi tuyển dụng</translation>
    </message>
    <message>
        <source>Main duties</source>
        <translation>Công việc chính được giao</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Sở trường công tác</translation>
    </message>
    <message>
        <source>Longest-held work</source>
        <translation>Công việc làm lâu nhất</translation>
    </message>
    <message>
        <source>Highest honorary title</source>
        <translation>Danh hiệu cao nhất</translation>
    </message>
    <message>
        <source>Joined the Party on</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Full Party member on</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Party post</source>
        <translation>Chức vụ Đảng hiện tại</translation>
    </message>
    <message>
        <source>Concurrent Party post</source>
        <translation>Chức vụ Đảng kiêm nhiệm</translation>
    </message>
    <message>
        <source>Socio-political organisations</source>
        <translation>Tổ chức chính trị - xã hội</translation>
    </message>
    <message>
        <source>Enlisted on</source>
        <translation>Ngày nhập ngũ</translation>
    </message>
    <message>
        <source>Discharged on</source>
        <translation>Ngày xuất ngũ</translation>
    </message>
    <message>
        <source>Highest military rank</source>
        <translation>Quân hàm cao nhất</translation>
    </message>
    <message>
        <source>War invalid grade</source>
        <translation>Thương binh hạng</translation>
    </message>
    <message>
        <source>Family under social policy</source>
        <translation>Gia đình chính sách</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Sức khỏe</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>Chiều cao (cm)</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Cân nặng (kg)</translation>
    </message>
    <message>
        <source>Blood type</source>
        <translation>Nhóm máu</translation>
    </message>
    <message>
        <source>Personal history (item 29)</source>
        <translation>Đặc điểm lịch sử bản thân (mục 29)</translation>
    </message>
    <message>
        <source>full date</source>
        <translation>đủ ngày</translation>
    </message>
    <message>
        <source>month and year</source>
        <translation>tháng và năm</translation>
    </message>
    <message>
        <source>year only</source>
        <translation>chỉ năm</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Lý lịch</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Công tác</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>Major / language</source>
        <translation>Chuyên ngành / ngoại ngữ</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Cơ sở đào tạo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Văn bằng</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Hết hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Add qualification…</source>
        <translation>Thêm trình độ…</translation>
    </message>
    <message>
        <source>Mark completed…</source>
        <translation>Ghi nhận hoàn thành…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>Hết nhiệm kỳ</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Đã thôi</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>Phụ cấp</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Appoint…</source>
        <translation>Bổ nhiệm…</translation>
    </message>
    <message>
        <source>End the post…</source>
        <translation>Thôi giữ chức vụ…</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Title, post, unit</source>
        <translation>Chức danh, chức vụ, đơn vị</translation>
    </message>
    <message>
        <source>Add line…</source>
        <translation>Thêm dòng…</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Về bên</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Quê quán, nghề nghiệp, nơi ở</translation>
    </message>
    <message>
        <source>Add relative…</source>
        <translation>Thêm người thân…</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Chế độ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Add evaluation…</source>
        <translation>Thêm kết quả đánh giá…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Qualifications</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>Rank and salary</source>
        <translation>Ngạch, lương</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Work history</source>
        <translation>Quá trình công tác</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Gia đình</translation>
    </message>
    <message>
        <source>Awards and discipline</source>
        <translation>Khen thưởng, kỷ luật</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Yearly ratings</source>
        <translation>Xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Monthly or quarterly scores (NĐ 335/2025)</source>
        <translation>Điểm theo dõi hằng tháng, quý (NĐ 335/2025)</translation>
    </message>
    <message>
        <source>Leave and study</source>
        <translation>Nghỉ, đi học</translation>
    </message>
    <message>
        <source>Leave periods</source>
        <translation>Thời gian nghỉ</translation>
    </message>
    <message>
        <source>Postgraduate study commitments</source>
        <translation>Cam kết phục vụ sau đào tạo sau đại học</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>Lưu hồ sơ (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Photo
(4 x 6 cm)</source>
        <translation>Ảnh
(4 x 6 cm)</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại cán bộ</translation>
    </message>
    <message>
        <source>Joined the agency on</source>
        <translation>Ngày vào cơ quan</translation>
    </message>
    <message>
        <source>Recruited on</source>
        <translation>Ngày tuyển dụng</translation>
    </message>
    <message>
        <source>Recruiting agency</source>
        <translation>Cơ quan tuyển dụng</translation>
    </message>
    <message>
        <source>Rank (ngạch / CDNN)</source>
        <translation>Ngạch / chức danh nghề nghiệp</translation>
    </message>
    <message>
        <source>Salary step</source>
        <translation>Bậc lương</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Paid from</source>
        <translation>Ngày hưởng</translation>
    </message>
    <message>
        <source>Retirement at a lower or a higher age by decision</source>
        <translation>Nghỉ hưu ở tuổi thấp hơn hoặc cao hơn theo quyết định</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Lý do kết thúc</translation>
    </message>
    <message>
        <source>Move or rehire…</source>
        <translation>Điều động, tiếp nhận lại…</translation>
    </message>
    <message>
        <source>Record leaving…</source>
        <translation>Ghi nhận nghỉ, chuyển đi…</translation>
    </message>
    <message>
        <source>Rank code</source>
        <translation>Mã ngạch</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Ngạch</translation>
    </message>
    <message>
        <source>Change rank…</source>
        <translation>Chuyển, nâng ngạch…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bậc</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Tỷ lệ hưởng</translation>
    </message>
    <message>
        <source>Next step counts from</source>
        <translation>Mốc tính nâng bậc</translation>
    </message>
    <message>
        <source>Seniority allowance</source>
        <translation>PC thâm niên vượt khung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Add salary step…</source>
        <translation>Thêm diễn biến lương…</translation>
    </message>
    <message>
        <source>Ranks held</source>
        <translation>Ngạch đã giữ</translation>
    </message>
    <message>
        <source>Salary history</source>
        <translation>Diễn biến lương</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Add award…</source>
        <translation>Thêm khen thưởng…</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Add discipline…</source>
        <translation>Thêm kỷ luật…</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <source>Choose a unit…</source>
        <translation>Chọn đơn vị…</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>Fill in the identity and the first employment, then save (Ctrl+S).</source>
        <translation>Nhập lý lịch và quá trình công tác đầu tiên, rồi lưu (Ctrl+S).</translation>
    </message>
    <message>
        <source>Save the new record first</source>
        <translation>Hãy lưu hồ sơ mới trước</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang học</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Đã hoàn thành</translation>
    </message>
    <message>
        <source> (concurrent)</source>
        <translation> (kiêm nhiệm)</translation>
    </message>
    <message>
        <source>Own family</source>
        <translation>Về bản thân</translation>
    </message>
    <message>
        <source>Spouse&apos;s family</source>
        <translation>Về bên vợ (chồng)</translation>
    </message>
    <message>
        <source>Check before saving</source>
        <translation>Kiểm tra trước khi lưu</translation>
    </message>
    <message>
        <source>Save this record anyway?</source>
        <translation>Vẫn lưu hồ sơ này?</translation>
    </message>
    <message>
        <source>Saved the record of %1 at %2</source>
        <translation>Đã lưu hồ sơ %1 lúc %2</translation>
    </message>
    <message>
        <source>Choose the photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Save the changes to this record?</source>
        <translation>Lưu các thay đổi của hồ sơ này?</translation>
    </message>
    <message>
        <source>Add a salary step</source>
        <translation>Thêm diễn biến lương</translation>
    </message>
    <message>
        <source>Change rank</source>
        <translation>Chuyển, nâng ngạch</translation>
    </message>
    <message>
        <source>Move to another unit or rehire</source>
        <translation>Điều động sang đơn vị khác hoặc tiếp nhận lại</translation>
    </message>
    <message>
        <source>Record leaving</source>
        <translation>Ghi nhận nghỉ, chuyển đi</translation>
    </message>
    <message>
        <source>Leaves by</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>First day away</source>
        <translation>Nghỉ từ ngày</translation>
    </message>
    <message>
        <source>Add a qualification</source>
        <translation>Thêm trình độ</translation>
    </message>
    <message>
        <source>Still studying (e.g. doctoral candidate)</source>
        <translation>Đang học (ví dụ nghiên cứu sinh)</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Chuyên ngành</translation>
    </message>
    <message>
        <source>At a lower age (NĐ 135/2020, Điều 5)</source>
        <translation>Ở tuổi thấp hơn (NĐ 135/2020, Điều 5)</translation>
    </message>
    <message>
        <source>At a higher age (NĐ 135/2020, Điều 6)</source>
        <translation>Ở tuổi cao hơn (NĐ 135/2020, Điều 6)</translation>
    </message>
    <message>
        <source>Retires</source>
        <translation>Nghỉ hưu</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Trường hợp</translation>
    </message>
    <message>
        <source>Age decided</source>
        <translation>Tuổi theo quyết định</translation>
    </message>
    <message>
        <source>Retirement from</source>
        <translation>Nghỉ hưu từ ngày</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Record a decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <source>Retire at a lower or a higher age by decision</source>
        <translation>Nghỉ hưu ở tuổi thấp hơn hoặc cao hơn theo quyết định</translation>
    </message>
    <message>
        <source>Age decided: years</source>
        <translation>Tuổi theo quyết định: năm</translation>
    </message>
    <message>
        <source>and months</source>
        <translation>và tháng</translation>
    </message>
    <message>
        <source>Remove the decision</source>
        <translation>Xóa quyết định</translation>
    </message>
    <message>
        <source>Remove the selected retirement decision? The retirement dates follow the previous decision or the ordinary age.</source>
        <translation>Xóa quyết định nghỉ hưu đã chọn? Thời điểm nghỉ hưu sẽ theo quyết định trước đó hoặc theo tuổi nghỉ hưu bình thường.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngoại ngữ</translation>
    </message>
    <message>
        <source>Year obtained</source>
        <translation>Năm tốt nghiệp</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số văn bằng</translation>
    </message>
    <message>
        <source>Certificate date</source>
        <translation>Ngày cấp văn bằng</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <source>Study completed</source>
        <translation>Hoàn thành khóa học</translation>
    </message>
    <message>
        <source>Enter the year the degree was obtained.</source>
        <translation>Hãy nhập năm được cấp văn bằng.</translation>
    </message>
    <message>
        <source>Next step counts from (empty: paid from)</source>
        <translation>Mốc tính nâng bậc (bỏ trống: ngày hưởng)</translation>
    </message>
    <message>
        <source>Appoint to a post</source>
        <translation>Bổ nhiệm chức vụ</translation>
    </message>
    <message>
        <source>Concurrent post (kiêm nhiệm)</source>
        <translation>Chức vụ kiêm nhiệm</translation>
    </message>
    <message>
        <source>End the post</source>
        <translation>Thôi giữ chức vụ</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Ngày cuối</translation>
    </message>
    <message>
        <source>Add a work history line</source>
        <translation>Thêm dòng quá trình công tác</translation>
    </message>
    <message>
        <source>To (empty: until now)</source>
        <translation>Đến ngày (để trống: đến nay)</translation>
    </message>
    <message>
        <source>Add a relative</source>
        <translation>Thêm người thân</translation>
    </message>
    <message>
        <source>Born in</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Home town, occupation, address</source>
        <translation>Quê quán, nghề nghiệp, nơi ở</translation>
    </message>
    <message>
        <source>Add an award</source>
        <translation>Thêm khen thưởng</translation>
    </message>
    <message>
        <source> (does not apply on this date)</source>
        <translation> (không áp dụng vào ngày này)</translation>
    </message>
    <message>
        <source>No rule data for this date</source>
        <translation>Chưa có quy định cho ngày này</translation>
    </message>
    <message>
        <source>leadership post</source>
        <translation>giữ chức vụ lãnh đạo, quản lý</translation>
    </message>
    <message>
        <source>no leadership post</source>
        <translation>không giữ chức vụ lãnh đạo, quản lý</translation>
    </message>
    <message>
        <source>: no disciplinary measure applies to this category</source>
        <translation>: không có hình thức kỷ luật nào cho loại này</translation>
    </message>
    <message>
        <source>after the limitation period (%1)</source>
        <translation>quá thời hiệu xử lý kỷ luật (hạn cuối %1)</translation>
    </message>
    <message>
        <source>after the time limit of the procedure (%1)</source>
        <translation>quá thời hạn xử lý kỷ luật (hạn cuối %1)</translation>
    </message>
    <message>
        <source>Violation on</source>
        <translation>Ngày vi phạm</translation>
    </message>
    <message>
        <source>Add a discipline</source>
        <translation>Thêm kỷ luật</translation>
    </message>
    <message>
        <source>Rule applied</source>
        <translation>Quy định áp dụng</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>In effect until</source>
        <translation>Hiệu lực đến ngày</translation>
    </message>
    <message>
        <source>Violation committed on</source>
        <translation>Ngày có hành vi vi phạm</translation>
    </message>
    <message>
        <source>Violation found on</source>
        <translation>Ngày phát hiện vi phạm</translation>
    </message>
    <message>
        <source>Complex case (longer time limit)</source>
        <translation>Vụ việc phức tạp (thời hạn xử lý dài hơn)</translation>
    </message>
    <message>
        <source>Add an evaluation</source>
        <translation>Thêm kết quả đánh giá</translation>
    </message>
    <message>
        <source>Score (/100)</source>
        <translation>Điểm (/100)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>General criteria (/30)</source>
        <translation>Tiêu chí chung (/30)</translation>
    </message>
    <message>
        <source>Results (/70)</source>
        <translation>Kết quả thực hiện nhiệm vụ (/70)</translation>
    </message>
    <message>
        <source>Add a period&apos;s score…</source>
        <translation>Chấm điểm tháng, quý…</translation>
    </message>
    <message>
        <source>Score a month or a quarter (NĐ 335/2025)</source>
        <translation>Chấm điểm một tháng hoặc một quý (NĐ 335/2025)</translation>
    </message>
    <message>
        <source>Tracked by</source>
        <translation>Theo dõi theo</translation>
    </message>
    <message>
        <source>Month or quarter number</source>
        <translation>Tháng hoặc quý thứ</translation>
    </message>
    <message>
        <source>Rate the year from its scores…</source>
        <translation>Xếp loại năm từ điểm tháng, quý…</translation>
    </message>
    <message>
        <source>The year&apos;s rating from the monthly or quarterly scores</source>
        <translation>Xếp loại cả năm từ điểm theo dõi tháng, quý</translation>
    </message>
    <message>
        <source>Concluded to show political, ethical or lifestyle degradation</source>
        <translation>Bị kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống</translation>
    </message>
    <message>
        <source>A unit under the person&apos;s direct charge was dealt with for corruption or waste</source>
        <translation>Đơn vị do mình phụ trách trực tiếp bị xử lý về tham ô, tham nhũng, lãng phí</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Add leave…</source>
        <translation>Thêm thời gian nghỉ…</translation>
    </message>
    <message>
        <source>Add a leave period</source>
        <translation>Thêm thời gian nghỉ</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Ngày bắt đầu nghỉ</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình đào tạo</translation>
    </message>
    <message>
        <source>Months to serve</source>
        <translation>Số tháng phải phục vụ</translation>
    </message>
    <message>
        <source>Serve until</source>
        <translation>Phục vụ đến</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Chi phí</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>Số tiền đền bù</translation>
    </message>
    <message>
        <source>Add a study commitment…</source>
        <translation>Thêm cam kết đi học…</translation>
    </message>
    <message>
        <source>Postgraduate study: the service commitment</source>
        <translation>Đào tạo sau đại học: cam kết thời gian phục vụ</translation>
    </message>
    <message>
        <source>Study from</source>
        <translation>Học từ ngày</translation>
    </message>
    <message>
        <source>Study until</source>
        <translation>Học đến ngày</translation>
    </message>
    <message>
        <source>Cost paid by the agency (VND)</source>
        <translation>Chi phí cơ quan đã chi (đồng)</translation>
    </message>
    <message>
        <source>Enter the cost the agency paid.</source>
        <translation>Hãy nhập chi phí cơ quan đã chi.</translation>
    </message>
    <message>
        <source>Record leaving early…</source>
        <translation>Ghi nhận thôi việc trước hạn…</translation>
    </message>
    <message>
        <source>Left before serving the commitment: the repayment</source>
        <translation>Thôi việc trước khi phục vụ đủ thời gian cam kết: đền bù</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Ngày thôi việc</translation>
    </message>
    <message>
        <source>Enter the day the person left.</source>
        <translation>Hãy nhập ngày thôi việc.</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Văn bằng</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Tài liệu khác</translation>
    </message>
    <message>
        <source>Choose an existing file.</source>
        <translation>Hãy chọn một tệp có thật.</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Gỡ bỏ tài liệu</translation>
    </message>
    <message>
        <source>Remove the selected document from the record?</source>
        <translation>Gỡ tài liệu đã chọn khỏi hồ sơ?</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a name (diacritics not needed)</source>
        <translation>Gõ họ tên (không cần dấu)</translation>
    </message>
    <message>
        <source>%1, born %2 — %3</source>
        <translation>%1, sinh ngày %2 — %3</translation>
    </message>
    <message>
        <source>Type part of the name…</source>
        <translation>Gõ một phần họ tên…</translation>
    </message>
    <message>
        <source>… %1 more: type more of the name</source>
        <translation>… còn %1 người nữa: gõ thêm họ tên</translation>
    </message>
    <message>
        <source>Nobody with this name</source>
        <translation>Không có ai mang tên này</translation>
    </message>
</context>
<context>
    <name>PlaceEdit</name>
    <message>
        <source>Type a commune or province (no accents needed), or any place</source>
        <translation>Gõ tên xã, phường hoặc tỉnh (không cần dấu), hoặc địa danh bất kỳ</translation>
    </message>
    <message>
        <source>Official unit: %1 (code %2)</source>
        <translation>Đơn vị hành chính: %1 (mã %2)</translation>
    </message>
    <message>
        <source>Free text: no official unit picked</source>
        <translation>Ghi tự do: chưa chọn đơn vị hành chính</translation>
    </message>
</context>
<context>
    <name>PlanningAppointDialog</name>
    <message>
        <source>Appoint from the plan</source>
        <translation>Bổ nhiệm từ quy hoạch</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người được bổ nhiệm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Starts on another day than the decision takes effect</source>
        <translation>Giữ chức vụ từ ngày khác ngày quyết định có hiệu lực</translation>
    </message>
    <message>
        <source>Succession plan</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Why this person is appointed without being planned for the post</source>
        <translation>Lý do bổ nhiệm người chưa có trong quy hoạch chức danh này</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Lý do bổ nhiệm ngoài quy hoạch</translation>
    </message>
    <message>
        <source>Appointment decision</source>
        <translation>Quyết định bổ nhiệm</translation>
    </message>
    <message>
        <source>Choose a post and a person.</source>
        <translation>Chọn chức vụ và người được bổ nhiệm.</translation>
    </message>
    <message>
        <source>Planned for this post: the entry will be marked as appointed.</source>
        <translation>Có trong quy hoạch chức danh này: sẽ ghi nhận đã được bổ nhiệm.</translation>
    </message>
    <message>
        <source>Not planned for this post. Appointing needs an override with a reason.</source>
        <translation>Không có trong quy hoạch chức danh này. Muốn bổ nhiệm phải ghi rõ lý do bổ nhiệm ngoài quy hoạch.</translation>
    </message>
</context>
<context>
    <name>PlanningEntryDialog</name>
    <message>
        <source>Add people to the plan</source>
        <translation>Đưa vào quy hoạch</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Approval of the plan</source>
        <translation>Phê duyệt quy hoạch</translation>
    </message>
    <message>
        <source>Supplement to the plan</source>
        <translation>Bổ sung quy hoạch</translation>
    </message>
    <message>
        <source>Kind of decision</source>
        <translation>Loại quyết định</translation>
    </message>
    <message>
        <source>Planning decision</source>
        <translation>Quyết định phê duyệt quy hoạch</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Succession planning</source>
        <translation>Quy hoạch cán bộ</translation>
    </message>
    <message>
        <source>People planned for each leadership post, checked against the rules of the period</source>
        <translation>Người được quy hoạch cho từng chức danh lãnh đạo, quản lý, kiểm tra theo quy định của giai đoạn</translation>
    </message>
    <message>
        <source>Ratings, discipline and ages are checked on this day</source>
        <translation>Kết quả đánh giá, kỷ luật và tuổi được kiểm tra đến ngày này</translation>
    </message>
    <message>
        <source>New period…</source>
        <translation>Giai đoạn mới…</translation>
    </message>
    <message>
        <source>Add post…</source>
        <translation>Thêm chức danh…</translation>
    </message>
    <message>
        <source>Add people…</source>
        <translation>Đưa vào quy hoạch…</translation>
    </message>
    <message>
        <source>Remove from plan…</source>
        <translation>Đưa ra khỏi quy hoạch…</translation>
    </message>
    <message>
        <source>Annual review…</source>
        <translation>Rà soát hằng năm…</translation>
    </message>
    <message>
        <source>Appoint…</source>
        <translation>Bổ nhiệm…</translation>
    </message>
    <message>
        <source>Print / Excel</source>
        <translation>In / Excel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Held by (term ends)</source>
        <translation>Người đang đảm nhiệm (hết nhiệm kỳ)</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>Tất cả chức danh</translation>
    </message>
    <message>
        <source>Show people removed or appointed</source>
        <translation>Hiện cả người đã đưa ra hoặc đã bổ nhiệm</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Planned post</source>
        <translation>Chức danh quy hoạch</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Kiểm tra đến ngày</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Chức danh quy hoạch</translation>
    </message>
    <message>
        <source>%1 (%2 posts, %3 people)</source>
        <translation>%1 (%2 chức danh, %3 người)</translation>
    </message>
    <message>
        <source>No planning period yet: create one with “New period…”.</source>
        <translation>Chưa có giai đoạn quy hoạch nào: tạo bằng nút “Giai đoạn mới…”.</translation>
    </message>
    <message>
        <source>Checked under %1; ages for a full term counted to %2.</source>
        <translation>Kiểm tra theo %1; tuổi công tác trọn nhiệm kỳ tính đến ngày %2.</translation>
    </message>
    <message>
        <source>No successor</source>
        <translation>Chưa có người quy hoạch</translation>
    </message>
    <message>
        <source>Over the maximum</source>
        <translation>Vượt số lượng tối đa</translation>
    </message>
    <message>
        <source>%1 not meeting the requirements</source>
        <translation>%1 người chưa đạt tiêu chuẩn</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>bổ sung</translation>
    </message>
    <message>
        <source>People planned: %1, of whom %2 not eligible</source>
        <translation>Người được quy hoạch: %1, trong đó %2 chưa đạt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Structure&lt;/b&gt; on %1: %2 people</source>
        <translation>&lt;b&gt;Cơ cấu&lt;/b&gt; đến ngày %1: %2 người</translation>
    </message>
    <message>
        <source>women %1 (target ≥ %2) %3</source>
        <translation>nữ %1 (mục tiêu ≥ %2) %3</translation>
    </message>
    <message>
        <source>under %1 %2 (target ≥ %3) %4</source>
        <translation>dưới %1 tuổi %2 (mục tiêu ≥ %3) %4</translation>
    </message>
    <message>
        <source>age tiers: %1</source>
        <translation>độ tuổi: %1</translation>
    </message>
    <message>
        <source>posts without a successor: %1 of %2 %3</source>
        <translation>chức danh chưa có người quy hoạch: %1/%2 %3</translation>
    </message>
    <message>
        <source>planned for too many posts: %1</source>
        <translation>quy hoạch quá số chức danh: %1</translation>
    </message>
</context>
<context>
    <name>PlanningPeriodDialog</name>
    <message>
        <source>New planning period</source>
        <translation>Giai đoạn quy hoạch mới</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>Từ năm</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Đến năm</translation>
    </message>
    <message>
        <source>Rules applied</source>
        <translation>Quy định áp dụng</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Tên (không bắt buộc)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>PlanningPostDialog</name>
    <message>
        <source>Add a post to plan</source>
        <translation>Thêm chức danh quy hoạch</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>As the rules allow (%1)</source>
        <translation>Theo quy định (%1)</translation>
    </message>
    <message>
        <source>Most people</source>
        <translation>Số người tối đa</translation>
    </message>
</context>
<context>
    <name>PlanningRemovalDialog</name>
    <message>
        <source>Remove from the plan</source>
        <translation>Đưa ra khỏi quy hoạch</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Planned post</source>
        <translation>Chức danh quy hoạch</translation>
    </message>
    <message>
        <source>Planned by</source>
        <translation>Quy hoạch theo quyết định</translation>
    </message>
    <message>
        <source>Age limit</source>
        <translation>Không đủ tuổi</translation>
    </message>
    <message>
        <source>Standards not met</source>
        <translation>Không đủ tiêu chuẩn</translation>
    </message>
    <message>
        <source>Rated as not completing duties</source>
        <translation>Xếp loại không hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>Ratings below the requirement</source>
        <translation>Xếp loại chưa đạt yêu cầu</translation>
    </message>
    <message>
        <source>Disciplined</source>
        <translation>Bị kỷ luật</translation>
    </message>
    <message>
        <source>No longer on staff</source>
        <translation>Không còn công tác</translation>
    </message>
    <message>
        <source>Appointed to the post</source>
        <translation>Đã được bổ nhiệm chức danh này</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The person stays in the history of the plan with this reason and decision.</source>
        <translation>Người này vẫn được lưu trong lịch sử quy hoạch cùng lý do và quyết định.</translation>
    </message>
    <message>
        <source>Decision to remove</source>
        <translation>Quyết định đưa ra khỏi quy hoạch</translation>
    </message>
</context>
<context>
    <name>PlanningReviewDialog</name>
    <message>
        <source>Annual review of the plan</source>
        <translation>Rà soát quy hoạch hằng năm</translation>
    </message>
    <message>
        <source>Apply the review</source>
        <translation>Thực hiện rà soát</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>Rà soát đến ngày</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Planned post</source>
        <translation>Chức danh quy hoạch</translation>
    </message>
    <message>
        <source>Why (removal trigger)</source>
        <translation>Lý do đưa ra khỏi quy hoạch</translation>
    </message>
    <message>
        <source>Review decision</source>
        <translation>Quyết định rà soát, bổ sung quy hoạch</translation>
    </message>
    <message>
        <source>Proposed removals (untick to keep someone in the plan)</source>
        <translation>Đề nghị đưa ra khỏi quy hoạch (bỏ chọn để giữ lại)</translation>
    </message>
    <message>
        <source>Posts with room to fill</source>
        <translation>Chức danh còn thiếu người quy hoạch</translation>
    </message>
    <message>
        <source>Additions</source>
        <translation>Bổ sung quy hoạch</translation>
    </message>
    <message>
        <source>Appointed: </source>
        <translation>Đã bổ nhiệm: </translation>
    </message>
    <message>
        <source>%1: %2 of %3 planned</source>
        <translation>%1: đã quy hoạch %2/%3</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 planned)</source>
        <translation>%1 (đã quy hoạch %2/%3)</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Edit job position</source>
        <translation>Sửa vị trí việc làm</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>(not required)</source>
        <translation>(không yêu cầu)</translation>
    </message>
    <message>
        <source>Minimum rank or title</source>
        <translation>Ngạch/chức danh tối thiểu</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>Số người cần</translation>
    </message>
    <message>
        <source>Leadership position</source>
        <translation>Vị trí lãnh đạo, quản lý</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục tiêu công việc</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sản phẩm đầu ra</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Tần suất</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Bỏ nhiệm vụ</translation>
    </message>
    <message>
        <source>Working relationships</source>
        <translation>Các mối quan hệ trong công việc</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Phạm vi quyền hạn</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Điều kiện làm việc</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Education level</source>
        <translation>Trình độ chuyên môn</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>Lý luận chính trị</translation>
    </message>
    <message>
        <source>State management</source>
        <translation>Quản lý nhà nước</translation>
    </message>
    <message>
        <source>IT skills</source>
        <translation>Tin học</translation>
    </message>
    <message>
        <source>Foreign language</source>
        <translation>Ngoại ngữ</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Chuyên ngành</translation>
    </message>
    <message>
        <source> years</source>
        <translation> năm</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Kinh nghiệm</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Năng lực</translation>
    </message>
    <message>
        <source>Level (1–5)</source>
        <translation>Cấp độ (1–5)</translation>
    </message>
    <message>
        <source>Add competency</source>
        <translation>Thêm năng lực</translation>
    </message>
    <message>
        <source>Remove competency</source>
        <translation>Bỏ năng lực</translation>
    </message>
    <message>
        <source>Competency framework</source>
        <translation>Khung năng lực</translation>
    </message>
</context>
<context>
    <name>PositionsPage</name>
    <message>
        <source>Job positions</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Descriptions, requirements and competency frameworks; approved by decision</source>
        <translation>Bản mô tả công việc, yêu cầu và khung năng lực; phê duyệt bằng quyết định</translation>
    </message>
    <message>
        <source>Show replaced and retired versions</source>
        <translation>Hiện cả phiên bản đã thay thế, đã bãi bỏ</translation>
    </message>
    <message>
        <source>New position…</source>
        <translation>Thêm vị trí…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Phê duyệt…</translation>
    </message>
    <message>
        <source>Copy to unit…</source>
        <translation>Sao chép sang đơn vị…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Bãi bỏ…</translation>
    </message>
    <message>
        <source>Description (PDF)…</source>
        <translation>Bản mô tả (PDF)…</translation>
    </message>
    <message>
        <source>Choose the unit of the new position first.</source>
        <translation>Hãy chọn đơn vị của vị trí mới trước.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Minimum rank</source>
        <translation>Ngạch tối thiểu</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Số người cần</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Select a position first.</source>
        <translation>Hãy chọn một vị trí trước.</translation>
    </message>
    <message>
        <source>Approve job position</source>
        <translation>Phê duyệt vị trí việc làm</translation>
    </message>
    <message>
        <source>Retire job position</source>
        <translation>Bãi bỏ vị trí việc làm</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Save the description</source>
        <translation>Lưu bản mô tả</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Job position description</source>
        <translation>Bản mô tả vị trí việc làm</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Đang ghi tài liệu…</translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message>
        <source>Rank promotion</source>
        <translation>Nâng ngạch, thăng hạng</translation>
    </message>
    <message>
        <source>The closing day of the applications: years held and ratings are counted to this day</source>
        <translation>Ngày hết hạn nộp hồ sơ: thời gian giữ ngạch và kết quả đánh giá tính đến ngày này</translation>
    </message>
    <message>
        <source>Make the list</source>
        <translation>Lập danh sách</translation>
    </message>
    <message>
        <source>Print the list…</source>
        <translation>In danh sách…</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Rank held</source>
        <translation>Ngạch, chức danh hiện giữ</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bậc</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Time in the level</source>
        <translation>Thời gian giữ ngạch (hạng)</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <source>Conditions not met</source>
        <translation>Điều kiện chưa đáp ứng</translation>
    </message>
    <message>
        <source>Decision appointing to the rank</source>
        <translation>Quyết định bổ nhiệm ngạch</translation>
    </message>
    <message>
        <source>Record the promotion</source>
        <translation>Ghi nâng ngạch</translation>
    </message>
    <message>
        <source>Promoted to</source>
        <translation>Nâng lên ngạch</translation>
    </message>
    <message>
        <source>Day of the list</source>
        <translation>Ngày lập danh sách</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Đủ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Chưa đủ</translation>
    </message>
    <message>
        <source>Enter the day of the list.</source>
        <translation>Nhập ngày lập danh sách.</translation>
    </message>
    <message>
        <source>Rule: %1 (%2)</source>
        <translation>Quy định: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 eligible, %2 not eligible</source>
        <translation>%1 người đủ điều kiện, %2 người chưa đủ</translation>
    </message>
    <message>
        <source>Recorded: %1 — %2</source>
        <translation>Đã ghi: %1 — %2</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Assign headcount</source>
        <translation>Giao biên chế</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Số người được giao</translation>
    </message>
    <message>
        <source>Choose a unit.</source>
        <translation>Hãy chọn đơn vị.</translation>
    </message>
</context>
<context>
    <name>RecruitmentFields</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RecruitmentPage</name>
    <message>
        <source>Recruitment</source>
        <translation>Tuyển dụng</translation>
    </message>
    <message>
        <source>Recruitment rounds: plan, candidates, scores, ranking, results and hiring</source>
        <translation>Các kỳ tuyển dụng: kế hoạch, người dự tuyển, điểm, xếp hạng, kết quả và tuyển dụng</translation>
    </message>
    <message>
        <source>New round…</source>
        <translation>Kỳ tuyển dụng mới…</translation>
    </message>
    <message>
        <source>Create a recruitment round (Ctrl+N)</source>
        <translation>Lập kỳ tuyển dụng mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Dự tuyển</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Đã tuyển</translation>
    </message>
    <message numerus="yes">
        <source>%n round(s)</source>
        <translation>
            <numerusform>%n kỳ tuyển dụng</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a round in the list first.</source>
        <translation>Hãy chọn một kỳ tuyển dụng trong danh sách trước.</translation>
    </message>
    <message>
        <source>Delete the draft round “%1”?</source>
        <translation>Xóa kỳ tuyển dụng dự thảo “%1”?</translation>
    </message>
</context>
<context>
    <name>RemarkDialog</name>
    <message>
        <source>Re-marking</source>
        <translation>Phúc khảo</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng</translation>
    </message>
    <message>
        <source>%1 – %2: current score %3.</source>
        <translation>%1 – %2: điểm hiện tại %3.</translation>
    </message>
    <message>
        <source>Score after re-marking *</source>
        <translation>Điểm sau phúc khảo *</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Lý do *</translation>
    </message>
    <message>
        <source>Document (optional)</source>
        <translation>Văn bản (nếu có)</translation>
    </message>
    <message>
        <source>The score must be a number, e.g. 65,5.</source>
        <translation>Điểm phải là số, ví dụ 65,5.</translation>
    </message>
</context>
<context>
    <name>RenameUnitDialog</name>
    <message>
        <source>Rename unit</source>
        <translation>Đổi tên đơn vị</translation>
    </message>
    <message>
        <source>Current name</source>
        <translation>Tên hiện tại</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Tên mới</translation>
    </message>
    <message>
        <source>New short name</source>
        <translation>Tên viết tắt mới</translation>
    </message>
</context>
<context>
    <name>ReorganiseDialog</name>
    <message>
        <source>Merge or amalgamate units</source>
        <translation>Hợp nhất, sáp nhập đơn vị</translation>
    </message>
    <message>
        <source>Units merged (they close)</source>
        <translation>Đơn vị bị sáp nhập (thôi hoạt động)</translation>
    </message>
    <message>
        <source>Into an existing unit</source>
        <translation>Sáp nhập vào đơn vị đã có</translation>
    </message>
    <message>
        <source>Into a new unit they form</source>
        <translation>Hợp nhất thành đơn vị mới</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>Đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>Code of the new unit</source>
        <translation>Mã đơn vị mới</translation>
    </message>
    <message>
        <source>Name of the new unit</source>
        <translation>Tên đơn vị mới</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>(none: top of the tree)</source>
        <translation>(không: cấp cao nhất)</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Trực thuộc</translation>
    </message>
    <message>
        <source>From the effective date their staff (with a dated line in their work history), job positions, sub-units and the headcount quotas of that year on pass to the receiving unit; their leadership posts end the day before. Nothing is saved until you confirm.</source>
        <translation>Từ ngày hiệu lực, nhân sự (kèm một dòng có ngày trong quá trình công tác), vị trí việc làm, đơn vị trực thuộc và biên chế được giao từ năm đó trở đi chuyển về đơn vị tiếp nhận; chức vụ lãnh đạo của các đơn vị này kết thúc vào ngày hôm trước. Chưa lưu gì cho đến khi bạn xác nhận.</translation>
    </message>
    <message>
        <source>Decision to merge</source>
        <translation>Quyết định sáp nhập, hợp nhất</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Confirm the merger</source>
        <translation>Xác nhận sáp nhập</translation>
    </message>
    <message>
        <source>From %1: %2 people and %3 job positions pass to %4. Above the %5 quota: %6.</source>
        <translation>Từ ngày %1: %2 người và %3 vị trí việc làm chuyển về %4. Vượt biên chế năm %5: %6.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>%1: quota %2, staff %3</source>
        <translation>%1: giao %2, có %3</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>From unit</source>
        <translation>Từ đơn vị</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại cán bộ</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Above the quota</source>
        <translation>Vượt biên chế</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Organisation and headcount</source>
        <translation>Tổ chức – biên chế</translation>
    </message>
    <message>
        <source>Staff records</source>
        <translation>Hồ sơ cán bộ</translation>
    </message>
    <message>
        <source>Pay and benefits</source>
        <translation>Chế độ – chính sách</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <translation>Tuyển dụng</translation>
    </message>
    <message>
        <source>Succession planning</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Đào tạo – bồi dưỡng</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Official lists and reports: choose one, fill in what it needs, preview or save it</source>
        <translation>Danh sách, báo cáo theo mẫu: chọn báo cáo, nhập thông tin cần thiết rồi xem trước hoặc lưu</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Mọi loại cán bộ</translation>
    </message>
    <message>
        <source>Civil servants only gives the BM01/BNV form for civil servants</source>
        <translation>Chọn riêng công chức để có mẫu BM01/BNV dành cho công chức</translation>
    </message>
    <message>
        <source>Add the detail by job position</source>
        <translation>Thêm phần chi tiết theo vị trí việc làm</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Planning period</source>
        <translation>Giai đoạn quy hoạch</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại cán bộ</translation>
    </message>
    <message>
        <source>Include overdue</source>
        <translation>Gồm cả quá hạn</translation>
    </message>
    <message>
        <source>Full form</source>
        <translation>Mẫu đầy đủ</translation>
    </message>
    <message>
        <source>Due list</source>
        <translation>Mẫu rút gọn</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Mẫu in</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Recruitment round</source>
        <translation>Kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>Training plan</source>
        <translation>Kế hoạch đào tạo</translation>
    </message>
    <message>
        <source>Promoted to</source>
        <translation>Nâng lên ngạch</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>Lưu Excel…</translation>
    </message>
    <message>
        <source>Choose a report in the list</source>
        <translation>Chọn một báo cáo trong danh sách</translation>
    </message>
    <message>
        <source>Whole department</source>
        <translation>Toàn Sở</translation>
    </message>
    <message>
        <source>All assigned units</source>
        <translation>Mọi đơn vị được phân công</translation>
    </message>
    <message>
        <source>Choose the person whose curriculum vitae to print: type part of the name, then pick them in the list.</source>
        <translation>Chọn người cần in Sơ yếu lý lịch: gõ một phần họ tên rồi chọn trong danh sách.</translation>
    </message>
    <message>
        <source>Choose a job position (the unit chosen may have none).</source>
        <translation>Chọn vị trí việc làm (đơn vị đã chọn có thể chưa có vị trí nào).</translation>
    </message>
    <message>
        <source>There is no recruitment round yet.</source>
        <translation>Chưa có kỳ tuyển dụng nào.</translation>
    </message>
    <message>
        <source>There is no planning period yet.</source>
        <translation>Chưa có giai đoạn quy hoạch nào.</translation>
    </message>
    <message>
        <source>There is no training plan yet.</source>
        <translation>Chưa có kế hoạch đào tạo nào.</translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation>Ngày bắt đầu kỳ sau ngày kết thúc.</translation>
    </message>
    <message>
        <source>Your account may not print reports: %1</source>
        <translation>Tài khoản không được in báo cáo: %1</translation>
    </message>
    <message>
        <source>Your role may not see personal data: it is masked on the printout.</source>
        <translation>Vai trò của bạn không được xem thông tin cá nhân: bản in sẽ che các thông tin này.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Đã hủy: chưa lưu gì.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>Đặt lại mật khẩu của %1</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Mật khẩu tạm</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>A locked account is unlocked. The user must choose a new password at the next sign-in.</source>
        <translation>Tài khoản đang bị khóa sẽ được mở khóa. Người dùng phải đặt mật khẩu mới khi đăng nhập lần sau.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Head&apos;s decision on a tie…</source>
        <translation>Quyết định khi bằng điểm…</translation>
    </message>
    <message>
        <source>Withdrawal of a winner…</source>
        <translation>Rút hồ sơ…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Thứ hạng</translation>
    </message>
    <message>
        <source>Cand. no.</source>
        <translation>SBD</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Pref.</source>
        <translation>NV</translation>
    </message>
    <message>
        <source>Round 2</source>
        <translation>Vòng 2</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The ranking appears once round 2 has started.</source>
        <translation>Kết quả xếp hạng có khi bắt đầu vòng 2.</translation>
    </message>
    <message>
        <source>%1 – quota %2</source>
        <translation>%1 – chỉ tiêu %2</translation>
    </message>
    <message>
        <source>%1 winner(s)</source>
        <translation>%1 người trúng tuyển</translation>
    </message>
    <message>
        <source>%1 position(s) wait for the head&apos;s decision</source>
        <translation>%1 vị trí chờ người đứng đầu quyết định</translation>
    </message>
    <message>
        <source>provisional until the results are fixed</source>
        <translation>tạm thời cho đến khi chốt kết quả</translation>
    </message>
    <message>
        <source>Select a position where candidates are tied.</source>
        <translation>Hãy chọn vị trí có người bằng điểm.</translation>
    </message>
    <message>
        <source>Select a winner in the list.</source>
        <translation>Hãy chọn một người trúng tuyển trong danh sách.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Quản trị hệ thống</translation>
    </message>
    <message>
        <source>Personnel officer (edits everything)</source>
        <translation>Cán bộ tổ chức (sửa mọi dữ liệu)</translation>
    </message>
    <message>
        <source>Leader (reads, approves lists)</source>
        <translation>Lãnh đạo (xem, phê duyệt danh sách)</translation>
    </message>
    <message>
        <source>Read only (personal data masked)</source>
        <translation>Chỉ xem (che thông tin cá nhân)</translation>
    </message>
</context>
<context>
    <name>RoundDetail</name>
    <message>
        <source>← All rounds</source>
        <translation>← Các kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>Step back…</source>
        <translation>Trả về bước trước…</translation>
    </message>
    <message>
        <source>Edit round…</source>
        <translation>Sửa kỳ tuyển dụng…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Positions and quotas</source>
        <translation>Vị trí, chỉ tiêu</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Người dự tuyển</translation>
    </message>
    <message>
        <source>Round 1</source>
        <translation>Vòng 1</translation>
    </message>
    <message>
        <source>Round 2</source>
        <translation>Vòng 2</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Hiring</source>
        <translation>Tuyển dụng</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Diễn biến</translation>
    </message>
    <message>
        <source>Announce and open applications…</source>
        <translation>Thông báo, nhận phiếu đăng ký…</translation>
    </message>
    <message>
        <source>Close applications, start round 1…</source>
        <translation>Hết hạn nhận phiếu, bắt đầu vòng 1…</translation>
    </message>
    <message>
        <source>Start round 2…</source>
        <translation>Bắt đầu vòng 2…</translation>
    </message>
    <message>
        <source>Fix the results…</source>
        <translation>Chốt kết quả…</translation>
    </message>
    <message>
        <source>Close the round…</source>
        <translation>Kết thúc kỳ tuyển dụng…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>no number yet</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>Kế hoạch: %1</translation>
    </message>
    <message>
        <source>Applications until: %1</source>
        <translation>Nhận phiếu đến: %1</translation>
    </message>
    <message>
        <source>%1 place(s), %2 candidate(s)</source>
        <translation>%1 chỉ tiêu, %2 người dự tuyển</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>edit the round</source>
        <translation>sửa kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>edit the council</source>
        <translation>sửa Hội đồng tuyển dụng</translation>
    </message>
    <message>
        <source>Before “%1”, still needed:</source>
        <translation>Trước khi “%1”, còn cần:</translation>
    </message>
    <message>
        <source>Ready for “%1”.</source>
        <translation>Đã đủ điều kiện để “%1”.</translation>
    </message>
    <message>
        <source>Later, before “%1”: %2</source>
        <translation>Bước sau, trước khi “%1”: %2</translation>
    </message>
    <message>
        <source>Save document</source>
        <translation>Lưu văn bản</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Building the document…</source>
        <translation>Đang lập văn bản…</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Recruitment round</source>
        <translation>Kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>Edit recruitment round</source>
        <translation>Sửa kỳ tuyển dụng</translation>
    </message>
    <message>
        <source>e.g. Recruitment of public employees 2022 – Discovery Centre</source>
        <translation>ví dụ Xét tuyển viên chức năm 2022 – Trung tâm Khám phá khoa học</translation>
    </message>
    <message>
        <source>Selection by review (xét tuyển)</source>
        <translation>Xét tuyển</translation>
    </message>
    <message>
        <source>Competitive exam (thi tuyển)</source>
        <translation>Thi tuyển</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Nhiệm vụ trong Hội đồng</translation>
    </message>
    <message>
        <source>Member from the staff: type a name (diacritics not needed)</source>
        <translation>Thành viên là cán bộ của cơ quan: gõ tên (không cần dấu)</translation>
    </message>
    <message>
        <source>Add the chosen person</source>
        <translation>Thêm người đã chọn</translation>
    </message>
    <message>
        <source>Add a member from outside</source>
        <translation>Thêm thành viên ngoài cơ quan</translation>
    </message>
    <message>
        <source>A row to type the name and position of a member who is not on the staff</source>
        <translation>Một dòng để gõ họ tên, chức vụ của thành viên không thuộc biên chế cơ quan</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Bớt thành viên</translation>
    </message>
    <message>
        <source>Part of round 2</source>
        <translation>Phần thi vòng 2</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Điểm tối đa</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Tên kỳ tuyển dụng *</translation>
    </message>
    <message>
        <source>Year *</source>
        <translation>Năm *</translation>
    </message>
    <message>
        <source>Regulation *</source>
        <translation>Quy định áp dụng *</translation>
    </message>
    <message>
        <source>Method *</source>
        <translation>Hình thức *</translation>
    </message>
    <message>
        <source>Hired as</source>
        <translation>Tuyển dụng vào</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>Ngày thông báo</translation>
    </message>
    <message>
        <source>Application deadline</source>
        <translation>Hạn nhận phiếu</translation>
    </message>
    <message>
        <source>Round 1 date</source>
        <translation>Ngày vòng 1</translation>
    </message>
    <message>
        <source>Round 2 date</source>
        <translation>Ngày vòng 2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Recruitment plan (kế hoạch)</source>
        <translation>Kế hoạch tuyển dụng</translation>
    </message>
    <message>
        <source>Decision forming the council</source>
        <translation>Quyết định thành lập Hội đồng</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Recruitment council</source>
        <translation>Hội đồng tuyển dụng</translation>
    </message>
    <message>
        <source>Round 2</source>
        <translation>Vòng 2</translation>
    </message>
    <message>
        <source>Public employees – Decree 115/2020 (amended by 85/2023)</source>
        <translation>Viên chức – Nghị định 115/2020 (sửa đổi bởi Nghị định 85/2023)</translation>
    </message>
    <message>
        <source>Civil servants – Decree 138/2020 (until 30/06/2025)</source>
        <translation>Công chức – Nghị định 138/2020 (đến 30/06/2025)</translation>
    </message>
    <message>
        <source>Civil servants – Decree 170/2025 (from 01/07/2025)</source>
        <translation>Công chức – Nghị định 170/2025 (từ 01/07/2025)</translation>
    </message>
    <message>
        <source>Empty: %1 days after the notice</source>
        <translation>Để trống: %1 ngày sau ngày thông báo</translation>
    </message>
    <message>
        <source>This method scores round 2 as one mark out of 100.</source>
        <translation>Hình thức này chấm vòng 2 một điểm, thang 100.</translation>
    </message>
    <message>
        <source>Give each part used its maximum; the maxima must add up to 100. Leave 0 for a part that is not used.</source>
        <translation>Ghi điểm tối đa của từng phần thi được dùng; tổng điểm tối đa các phần bằng 100. Ghi 0 cho phần không dùng.</translation>
    </message>
    <message>
        <source>From the staff records</source>
        <translation>Theo hồ sơ cán bộ</translation>
    </message>
    <message>
        <source>%1 is already on the council.</source>
        <translation>%1 đã có trong Hội đồng.</translation>
    </message>
    <message>
        <source>%1 members (the council has %2)</source>
        <translation>%1 thành viên (Hội đồng có %2 thành viên)</translation>
    </message>
    <message>
        <source>The maximum of a part must be a number.</source>
        <translation>Điểm tối đa của phần thi phải là số.</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Regulation data</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>The numbers of the regulations, version by version, with their legal basis; each date the application computes names the version it used</source>
        <translation>Số liệu của các quy định theo từng phiên bản, kèm căn cứ pháp lý; mỗi ngày tháng phần mềm tính ra đều ghi rõ phiên bản đã dùng</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Still in force (no end date)</source>
        <translation>Đang áp dụng (chưa có ngày hết hiệu lực)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Lưu thay đổi</translation>
    </message>
    <message>
        <source>Add as a new version</source>
        <translation>Thêm thành phiên bản mới</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Áp dụng từ ngày</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Tham số</translation>
    </message>
    <message>
        <source>Only an administrator can change regulation data.</source>
        <translation>Chỉ quản trị viên được sửa dữ liệu quy định.</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>đang áp dụng</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>Saved version %1 of the rule</source>
        <translation>Đã lưu phiên bản %1 của quy định</translation>
    </message>
</context>
<context>
    <name>ScoreTableModel</name>
    <message>
        <source>Cand. no.</source>
        <translation>SBD</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí dự tuyển</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>số câu</translation>
    </message>
    <message>
        <source>max</source>
        <translation>thang</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Round 2</source>
        <translation>Điểm vòng 2</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>miễn</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <source>re-marked</source>
        <translation>đã phúc khảo</translation>
    </message>
    <message>
        <source>%1 (%2): “%3” is not a score.</source>
        <translation>%1 (SBD %2): “%3” không phải là điểm.</translation>
    </message>
</context>
<context>
    <name>ScoresTab</name>
    <message>
        <source>Save scores</source>
        <translation>Lưu điểm</translation>
    </message>
    <message>
        <source>Import scores from Excel…</source>
        <translation>Nhập điểm từ Excel…</translation>
    </message>
    <message>
        <source>Re-marking…</source>
        <translation>Phúc khảo…</translation>
    </message>
    <message>
        <source>Computer test: enter the number of correct answers of each part; a part is passed at half of the questions.</source>
        <translation>Thi trắc nghiệm trên máy tính: nhập số câu trả lời đúng của từng phần; đạt khi đúng từ một nửa số câu hỏi của phần thi.</translation>
    </message>
    <message>
        <source>Selection by review: round 1 checks the conditions of the registration form. Those eligible go on to round 2.</source>
        <translation>Xét tuyển: vòng 1 kiểm tra điều kiện, tiêu chuẩn theo Phiếu đăng ký dự tuyển. Người đủ điều kiện dự vòng 2.</translation>
    </message>
    <message>
        <source>Scores out of the maximum of each part; round 2 is passed at %1 points. Tick “Absent” for a candidate who did not attend.</source>
        <translation>Điểm theo thang của từng phần; vòng 2 đạt từ %1 điểm. Đánh dấu “Vắng” với người không dự.</translation>
    </message>
    <message>
        <source>No score was changed: nothing to save.</source>
        <translation>Chưa có điểm nào thay đổi: không có gì để lưu.</translation>
    </message>
    <message>
        <source>The scores were saved.</source>
        <translation>Đã lưu điểm.</translation>
    </message>
    <message>
        <source>Import scores</source>
        <translation>Nhập điểm</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xls *.xlsm)</source>
        <translation>Bảng tính Excel (*.xlsx *.xls *.xlsm)</translation>
    </message>
    <message>
        <source>Choose the candidate&apos;s score to re-mark first.</source>
        <translation>Hãy chọn ô điểm của thí sinh cần phúc khảo trước.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Người dùng: %1 (%2)</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Sao lưu tự động hằng ngày không thành công: %1</translation>
    </message>
    <message>
        <source>The daily backup failed</source>
        <translation>Sao lưu tự động không thành công</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sao lưu cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>Bản sao lưu (*.sqlite3)</translation>
    </message>
    <message>
        <source>The database was backed up to %1 (%2, %3 attached documents).</source>
        <translation>Đã sao lưu cơ sở dữ liệu vào %1 (%2, %3 tài liệu đính kèm).</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bản sao lưu (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>Backup file: %1</source>
        <translation>Tệp sao lưu: %1</translation>
    </message>
    <message>
        <source>File date: %1; size %2.</source>
        <translation>Ngày của tệp: %1; dung lượng %2.</translation>
    </message>
    <message>
        <source>It holds %1 staff records, %2 units and %3 attached documents.</source>
        <translation>Gồm %1 hồ sơ cán bộ, %2 đơn vị và %3 tài liệu đính kèm.</translation>
    </message>
    <message>
        <source>It was made by an older version and will be upgraded after the restore.</source>
        <translation>Bản này do phiên bản cũ hơn tạo ra; sẽ được nâng cấp sau khi khôi phục.</translation>
    </message>
    <message>
        <source>The restored database is encrypted with the current database&apos;s passphrase.</source>
        <translation>Cơ sở dữ liệu sau khi khôi phục được mã hóa bằng cụm mật khẩu của cơ sở dữ liệu hiện tại.</translation>
    </message>
    <message>
        <source>The backup is encrypted: the restored database stays encrypted with the backup&apos;s passphrase.</source>
        <translation>Bản sao lưu đã được mã hóa: cơ sở dữ liệu sau khi khôi phục vẫn được mã hóa bằng cụm mật khẩu của bản sao lưu.</translation>
    </message>
    <message>
        <source>All data now in the database will be replaced by the backup. A copy of the current database is kept next to it first.</source>
        <translation>Toàn bộ dữ liệu hiện có sẽ được thay bằng bản sao lưu. Trước đó, một bản của cơ sở dữ liệu hiện tại được giữ lại cạnh tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Replace the current data with this backup?</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu này?</translation>
    </message>
    <message>
        <source>Restoring the database…</source>
        <translation>Đang khôi phục cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>Đã khôi phục cơ sở dữ liệu từ %1.</translation>
    </message>
    <message>
        <source>The data as it was before is kept in %1.</source>
        <translation>Dữ liệu trước khi khôi phục được giữ tại %1.</translation>
    </message>
    <message>
        <source>The restored database has user accounts: sign in again.</source>
        <translation>Cơ sở dữ liệu vừa khôi phục có tài khoản người dùng: hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>Đang mã hóa cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Decrypt the database</source>
        <translation>Giải mã cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Write the database back in clear, without encryption?</source>
        <translation>Ghi lại cơ sở dữ liệu ở dạng thường, không mã hóa?</translation>
    </message>
    <message>
        <source>Anyone who can read the file will then read every record, and the backups made from now on are not encrypted either.</source>
        <translation>Khi đó ai đọc được tệp đều đọc được mọi hồ sơ, và các bản sao lưu từ nay cũng không được mã hóa.</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Giải mã</translation>
    </message>
    <message>
        <source>Decrypting the database…</source>
        <translation>Đang giải mã cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>The database was decrypted: the file and the backups made from now on are no longer encrypted.</source>
        <translation>Đã giải mã cơ sở dữ liệu: tệp và các bản sao lưu từ nay không còn được mã hóa.</translation>
    </message>
    <message>
        <source>The passphrase was changed. Backups made before still open with the old passphrase.</source>
        <translation>Đã đổi cụm mật khẩu. Các bản sao lưu làm trước đó vẫn mở bằng cụm mật khẩu cũ.</translation>
    </message>
    <message>
        <source>The database is encrypted, and so is every backup made from now on. Keep the passphrase safe: without it nobody can read the data.</source>
        <translation>Cơ sở dữ liệu đã được mã hóa, mọi bản sao lưu từ nay cũng vậy. Hãy cất giữ cụm mật khẩu cẩn thận: không có nó thì không ai đọc được dữ liệu.</translation>
    </message>
    <message>
        <source>%1 automatic backups made before are not encrypted: delete them from %2 if they are no longer needed.</source>
        <translation>%1 bản sao lưu tự động làm trước đây chưa được mã hóa: hãy xóa chúng khỏi %2 nếu không cần nữa.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Writing the staff list…</source>
        <translation>Đang lập danh sách CCVC…</translation>
    </message>
    <message>
        <source>Staff list</source>
        <translation>Danh sách CCVC</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Save the staff list</source>
        <translation>Lưu danh sách CCVC</translation>
    </message>
    <message>
        <source>Save the staff list of the selected unit as PDF, Excel, CSV or JSON</source>
        <translation>Lưu danh sách CCVC của đơn vị đang chọn thành tệp PDF, Excel, CSV hoặc JSON</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Lưu thành tệp…</translation>
    </message>
    <message>
        <source>Print the staff list of the selected unit (the search box and category are not applied) (Ctrl+P)</source>
        <translation>In danh sách CCVC của đơn vị đang chọn (không áp dụng ô tìm kiếm và loại) (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Print CV</source>
        <translation>In sơ yếu lý lịch</translation>
    </message>
    <message>
        <source>Print the selected person&apos;s Sơ yếu lý lịch on the form chosen: Mẫu 2C-BNV/2008 or the national database&apos;s form (TT 06/2023/TT-BNV)</source>
        <translation>In Sơ yếu lý lịch của người đang chọn theo mẫu chọn: Mẫu 2C-BNV/2008 hoặc mẫu của CSDL quốc gia (TT 06/2023/TT-BNV)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n person(s)</source>
        <translation>
            <numerusform>Đã xuất %n người</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Staff records</source>
        <translation>Hồ sơ cán bộ, công chức, viên chức</translation>
    </message>
    <message>
        <source>Civil servants, public employees and contract workers</source>
        <translation>Công chức, viên chức và người lao động hợp đồng</translation>
    </message>
    <message>
        <source>Search by name (diacritics optional)…</source>
        <translation>Tìm theo họ tên (gõ không dấu cũng được)…</translation>
    </message>
    <message>
        <source>Type part of a name; &apos;nguyen van a&apos; finds &apos;Nguyễn Văn An&apos; (Ctrl+F)</source>
        <translation>Gõ một phần họ tên; “nguyen van a” tìm được “Nguyễn Văn An” (Ctrl+F)</translation>
    </message>
    <message>
        <source>Unit (people of its sub-units are included)</source>
        <translation>Đơn vị (gồm cả người của các đơn vị trực thuộc)</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>Category of staff</source>
        <translation>Loại cán bộ, công chức, viên chức, người lao động</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Add a new record (Ctrl+N)</source>
        <translation>Thêm hồ sơ mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Sửa hồ sơ đang chọn</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Import records from an Excel workbook</source>
        <translation>Nhập hồ sơ từ tệp Excel</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Export the list as shown (search and filters applied) to Excel</source>
        <translation>Xuất danh sách đang hiển thị (theo tìm kiếm và bộ lọc) ra Excel</translation>
    </message>
    <message>
        <source>Include people who left</source>
        <translation>Gồm cả người đã nghỉ</translation>
    </message>
    <message>
        <source>Also list people who retired, resigned, moved away or died</source>
        <translation>Hiện cả người đã nghỉ hưu, thôi việc, chuyển công tác hoặc từ trần</translation>
    </message>
    <message>
        <source>In order of given name · Enter or double-click opens the record</source>
        <translation>Xếp theo tên · Enter hoặc nhấp đúp để mở hồ sơ</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message>
        <source>Sơ yếu lý lịch</source>
        <translation>Sơ yếu lý lịch</translation>
    </message>
    <message>
        <source>Writing the form…</source>
        <translation>Đang tạo sơ yếu lý lịch…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln người</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be read: %1</source>
        <translation>Không đọc được danh sách: %1</translation>
    </message>
</context>
<context>
    <name>StaffingPage</name>
    <message>
        <source>Headcount</source>
        <translation>Biên chế</translation>
    </message>
    <message>
        <source>Quota of the year against the staff present on the chosen day</source>
        <translation>Biên chế được giao trong năm so với số người hiện có vào ngày đã chọn</translation>
    </message>
    <message>
        <source>Show job positions</source>
        <translation>Hiện vị trí việc làm</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Xem trước khi in…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Lưu thành tệp…</translation>
    </message>
    <message>
        <source>Assign headcount…</source>
        <translation>Giao biên chế…</translation>
    </message>
    <message>
        <source>Copy to next year…</source>
        <translation>Chép sang năm sau…</translation>
    </message>
    <message>
        <source>Unit / job position</source>
        <translation>Đơn vị / vị trí việc làm</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Quota / needed</source>
        <translation>Được giao / cần</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hiện có</translation>
    </message>
    <message>
        <source>In recruitment</source>
        <translation>Đang tuyển</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>No headcount decision for %1: %2 people on staff as of %3</source>
        <translation>Chưa có quyết định giao biên chế năm %1: %2 người đang làm việc tại ngày %3</translation>
    </message>
    <message>
        <source>Total under quota: quota %1, present %2, in recruitment %3, vacancies %4</source>
        <translation>Cộng trong biên chế: được giao %1, hiện có %2, đang tuyển %3, còn thiếu %4</translation>
    </message>
    <message>
        <source>outside any quota: %1</source>
        <translation>ngoài biên chế được giao: %1</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>tính đến ngày %1</translation>
    </message>
    <message>
        <source>All under quota</source>
        <translation>Cộng trong biên chế</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Cộng</translation>
    </message>
    <message>
        <source>%1 people in all</source>
        <translation>Tổng số %1 người</translation>
    </message>
    <message>
        <source>More staff than the quota</source>
        <translation>Số người vượt biên chế được giao</translation>
    </message>
    <message>
        <source>Staffing table</source>
        <translation>Bảng tổng hợp biên chế</translation>
    </message>
    <message>
        <source>Writing the staffing table…</source>
        <translation>Đang ghi bảng tổng hợp biên chế…</translation>
    </message>
    <message>
        <source>Save the staffing table</source>
        <translation>Lưu bảng tổng hợp biên chế</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Next step</source>
        <translation>Chuyển bước tiếp theo</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Trả về bước trước</translation>
    </message>
    <message>
        <source>From “%1” to “%2”.</source>
        <translation>Từ “%1” sang “%2”.</translation>
    </message>
    <message>
        <source>The round is announced: its places count as “in recruitment” in the staffing view and registration forms are accepted until the deadline.</source>
        <translation>Thông báo tuyển dụng: chỉ tiêu được tính là “đang tuyển” trong bảng biên chế; nhận Phiếu đăng ký dự tuyển đến hết hạn.</translation>
    </message>
    <message>
        <source>Registration closes. Every candidate is checked against the requirements of the positions applied for; the failing reasons are recorded.</source>
        <translation>Hết hạn nhận phiếu. Từng người dự tuyển được đối chiếu với tiêu chuẩn, điều kiện của vị trí đăng ký; lý do không đủ điều kiện được ghi lại.</translation>
    </message>
    <message>
        <source>Round 1 is over: those who passed (numbered) go on to round 2.</source>
        <translation>Kết thúc vòng 1: người đạt (đã có số báo danh) dự vòng 2.</translation>
    </message>
    <message>
        <source>Round 2 scores are final: the ranking of every position is fixed.</source>
        <translation>Điểm vòng 2 đã chốt: xác định kết quả xếp hạng từng vị trí.</translation>
    </message>
    <message>
        <source>The round ends: every winner has been hired or has withdrawn; its places no longer count as in recruitment.</source>
        <translation>Kết thúc kỳ tuyển dụng: người trúng tuyển đã được tuyển dụng hoặc đã rút hồ sơ; chỉ tiêu không còn tính là đang tuyển.</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>Ngày *</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Lý do *</translation>
    </message>
    <message>
        <source>Decision approving the results (optional)</source>
        <translation>Quyết định công nhận kết quả (nếu có)</translation>
    </message>
    <message>
        <source>Approving the results of the recruitment round</source>
        <translation>Công nhận kết quả kỳ tuyển dụng</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Position and quota</source>
        <translation>Vị trí và chỉ tiêu tuyển dụng</translation>
    </message>
    <message>
        <source>Quota of %1</source>
        <translation>Chỉ tiêu: %1</translation>
    </message>
    <message>
        <source>The position&apos;s minimum rank</source>
        <translation>Ngạch, chức danh tối thiểu của vị trí</translation>
    </message>
    <message>
        <source>Required when the quota is above the vacancies</source>
        <translation>Bắt buộc khi chỉ tiêu vượt số vị trí còn trống</translation>
    </message>
    <message>
        <source>Job position *</source>
        <translation>Vị trí việc làm *</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Còn trống</translation>
    </message>
    <message>
        <source>Quota *</source>
        <translation>Chỉ tiêu *</translation>
    </message>
    <message>
        <source>Reason for a quota above the vacancies</source>
        <translation>Lý do chỉ tiêu vượt số còn trống</translation>
    </message>
    <message>
        <source>Rank or title of the winners</source>
        <translation>Ngạch, chức danh của người trúng tuyển</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>No job position left to add.</source>
        <translation>Không còn vị trí việc làm nào để thêm.</translation>
    </message>
    <message>
        <source>%1 vacant place(s) in the staffing view</source>
        <translation>%1 vị trí còn trống theo bảng biên chế</translation>
    </message>
    <message>
        <source>the quota is above them: write the reason</source>
        <translation>chỉ tiêu vượt số còn trống: cần ghi lý do</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Add position…</source>
        <translation>Thêm vị trí…</translation>
    </message>
    <message>
        <source>Change quota…</source>
        <translation>Sửa chỉ tiêu…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ vị trí</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Rank or title</source>
        <translation>Ngạch, chức danh</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Còn trống</translation>
    </message>
    <message>
        <source>Reason for going above</source>
        <translation>Lý do vượt số còn trống</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>Tiêu chuẩn, điều kiện</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Đã tuyển</translation>
    </message>
    <message>
        <source>Total: %1 place(s)</source>
        <translation>Tổng: %1 chỉ tiêu</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Vui lòng chờ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>TieDecisionDialog</name>
    <message>
        <source>Decision of the head of the agency</source>
        <translation>Quyết định của người đứng đầu cơ quan</translation>
    </message>
    <message>
        <source>%1: %2 candidate(s) tied for %3 remaining place(s). Tick who the head of the agency chose.</source>
        <translation>%1: %2 người bằng điểm cho %3 chỉ tiêu còn lại. Đánh dấu người được người đứng đầu cơ quan quyết định.</translation>
    </message>
    <message>
        <source>total</source>
        <translation>tổng điểm</translation>
    </message>
    <message>
        <source>Decision *</source>
        <translation>Văn bản quyết định *</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>TodoPage</name>
    <message>
        <source>To-do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>What falls due in the coming days, and what is overdue</source>
        <translation>Những việc đến hạn trong thời gian tới và những việc đã quá hạn</translation>
    </message>
    <message>
        <source>The day the reminders are computed for</source>
        <translation>Ngày tính các việc đến hạn</translation>
    </message>
    <message numerus="yes">
        <source>next %n day(s)</source>
        <translation>
            <numerusform>%n ngày tới</numerusform>
        </translation>
    </message>
    <message>
        <source>How far ahead to look</source>
        <translation>Xem trước bao nhiêu ngày</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Ngày sự kiện</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The day the action falls due (a reminder, a notice, a decision)</source>
        <translation>Ngày phải xử lý (nhắc việc, thông báo, ra quyết định)</translation>
    </message>
    <message>
        <source>The day of the event itself: the term&apos;s end, the retirement</source>
        <translation>Ngày của sự việc: hết thời hạn bổ nhiệm, nghỉ hưu</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <source>Choose a reminder in the list first</source>
        <translation>Hãy chọn một việc trong danh sách trước</translation>
    </message>
    <message>
        <source>The person&apos;s record</source>
        <translation>Hồ sơ của người này</translation>
    </message>
    <message>
        <source>Open list</source>
        <translation>Mở danh sách</translation>
    </message>
    <message>
        <source>The list where this is approved and printed</source>
        <translation>Danh sách để phê duyệt và in</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Pay steps due</source>
        <translation>Đến hạn nâng bậc lương</translation>
    </message>
    <message>
        <source>Seniority allowance above the scale (PCTNVK)</source>
        <translation>Phụ cấp thâm niên vượt khung</translation>
    </message>
    <message>
        <source>Retirement notices</source>
        <translation>Thông báo nghỉ hưu</translation>
    </message>
    <message>
        <source>Retirements</source>
        <translation>Nghỉ hưu</translation>
    </message>
    <message>
        <source>Appointment terms ending</source>
        <translation>Hết thời hạn bổ nhiệm</translation>
    </message>
    <message>
        <source>Probation ending</source>
        <translation>Hết thời gian tập sự</translation>
    </message>
    <message>
        <source>Certificates expiring</source>
        <translation>Chứng chỉ hết hạn</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>Computing what falls due…</source>
        <translation>Đang tính các việc đến hạn…</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n việc</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing falls due in this period.</source>
        <translation>Không có việc nào đến hạn trong thời gian này.</translation>
    </message>
    <message>
        <source>This reminder has no list of its own: open the person&apos;s record</source>
        <translation>Việc này không có danh sách riêng: hãy mở hồ sơ của người đó</translation>
    </message>
</context>
<context>
    <name>TrainingApproveDialog</name>
    <message>
        <source>Approve the training plan</source>
        <translation>Phê duyệt kế hoạch đào tạo, bồi dưỡng</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Plan document (kế hoạch)</source>
        <translation>Văn bản kế hoạch</translation>
    </message>
    <message>
        <source>Decision (quyết định)</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Phê duyệt bằng</translation>
    </message>
    <message>
        <source>Approving document</source>
        <translation>Văn bản phê duyệt</translation>
    </message>
</context>
<context>
    <name>TrainingAttendanceDialog</name>
    <message>
        <source>Attendance</source>
        <translation>Chuyên cần</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>TrainingCourseDialog</name>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Khóa học mới</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Cơ sở đào tạo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Văn bằng, chứng chỉ</translation>
    </message>
    <message>
        <source>Level granted</source>
        <translation>Trình độ được cấp</translation>
    </message>
    <message>
        <source>(set on each certificate)</source>
        <translation>(ghi theo từng chứng chỉ)</translation>
    </message>
    <message>
        <source>No qualification (certificate of attendance)</source>
        <translation>Không cấp trình độ (giấy chứng nhận)</translation>
    </message>
</context>
<context>
    <name>TrainingLineDialog</name>
    <message>
        <source>Plan line</source>
        <translation>Dòng kế hoạch</translation>
    </message>
    <message>
        <source>Course type</source>
        <translation>Loại khóa học</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>A group of people of a unit</source>
        <translation>Một nhóm người của đơn vị</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Dự kiến bắt đầu</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Dự kiến kết thúc</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <source>Estimated cost (đồng)</source>
        <translation>Dự toán (đồng)</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Nhu cầu</translation>
    </message>
    <message>
        <source>(any course of this type)</source>
        <translation>(khóa bất kỳ thuộc loại này)</translation>
    </message>
</context>
<context>
    <name>TrainingNewPlanDialog</name>
    <message>
        <source>New training plan</source>
        <translation>Kế hoạch đào tạo, bồi dưỡng mới</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Start from a copy of last year&apos;s plan</source>
        <translation>Lập từ bản sao kế hoạch năm trước</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Tên (không bắt buộc)</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training</source>
        <translation>Đào tạo, bồi dưỡng</translation>
    </message>
    <message>
        <source>The annual plan, who was sent where, results and certificates, and what each person still lacks for their position or planned post</source>
        <translation>Kế hoạch năm, người được cử đi học, kết quả và chứng chỉ, và tiêu chuẩn mỗi người còn thiếu so với vị trí việc làm hoặc chức danh quy hoạch</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>Kế hoạch mới…</translation>
    </message>
    <message>
        <source>Print / Excel</source>
        <translation>In / Excel</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Nhu cầu đào tạo</translation>
    </message>
    <message>
        <source>Plan vs actual</source>
        <translation>Kế hoạch và thực hiện</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Danh mục khóa học</translation>
    </message>
    <message>
        <source>Add line…</source>
        <translation>Thêm dòng…</translation>
    </message>
    <message>
        <source>Edit line…</source>
        <translation>Sửa dòng…</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Phê duyệt…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Cử đi học…</translation>
    </message>
    <message>
        <source>Person or group</source>
        <translation>Người hoặc nhóm</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Course type</source>
        <translation>Loại khóa học</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã cử</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Nhu cầu</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>Chuyên cần…</translation>
    </message>
    <message>
        <source>Result and certificate…</source>
        <translation>Kết quả, chứng chỉ…</translation>
    </message>
    <message>
        <source>Report received</source>
        <translation>Đã nhận báo cáo</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Sending decision</source>
        <translation>Quyết định cử đi học</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Chuyên cần</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Văn bằng, chứng chỉ</translation>
    </message>
    <message>
        <source>Qualification added</source>
        <translation>Trình độ được bổ sung</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo thu hoạch</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Đối chiếu</translation>
    </message>
    <message>
        <source>Add selected to the plan</source>
        <translation>Đưa các dòng đã chọn vào kế hoạch</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Chức vụ, vị trí việc làm</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn yêu cầu</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Hiện có</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>Yêu cầu của</translation>
    </message>
    <message>
        <source>Planned or in training</source>
        <translation>Đã có kế hoạch, đang học</translation>
    </message>
    <message>
        <source>Needs by course type</source>
        <translation>Nhu cầu theo loại khóa học</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Outside the plan</source>
        <translation>Ngoài kế hoạch</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>Khóa học mới…</translation>
    </message>
    <message>
        <source>Edit course…</source>
        <translation>Sửa khóa học…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Cơ sở đào tạo</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>Qualification granted</source>
        <translation>Trình độ được cấp</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã phê duyệt</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>No training plan yet: create one with “New plan…”.</source>
        <translation>Chưa có kế hoạch đào tạo, bồi dưỡng: lập bằng “Kế hoạch mới…”.</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Đã phê duyệt theo %1</translation>
    </message>
    <message>
        <source>Draft: lines can still be changed; approve it with its decision.</source>
        <translation>Dự thảo: còn sửa được các dòng; phê duyệt kèm văn bản phê duyệt.</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>bổ sung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Totals&lt;/b&gt;: %1 people, %2 đồng. By type: %3. By unit: %4.</source>
        <translation>&lt;b&gt;Tổng cộng&lt;/b&gt;: %1 lượt người, %2 đồng. Theo loại: %3. Theo đơn vị: %4.</translation>
    </message>
    <message>
        <source>%1 sent, %2 completed, %3 reports missing</source>
        <translation>Đã cử %1 lượt, hoàn thành %2, chưa nộp báo cáo thu hoạch %3</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>Vị trí việc làm</translation>
    </message>
    <message>
        <source>Succession plan</source>
        <translation>Quy hoạch</translation>
    </message>
    <message>
        <source>none</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>%1 people lack %2 requirements</source>
        <translation>%1 người còn thiếu %2 tiêu chuẩn</translation>
    </message>
    <message>
        <source>%1 lines added to the plan of %2.</source>
        <translation>Đã thêm %1 dòng vào kế hoạch năm %2.</translation>
    </message>
</context>
<context>
    <name>TrainingResultDialog</name>
    <message>
        <source>Result and certificate</source>
        <translation>Kết quả và chứng chỉ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Finished on</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số văn bằng, chứng chỉ</translation>
    </message>
    <message>
        <source>Certificate date</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>No qualification (certificate of attendance)</source>
        <translation>Không cấp trình độ (giấy chứng nhận)</translation>
    </message>
    <message>
        <source>Qualification added</source>
        <translation>Trình độ được bổ sung</translation>
    </message>
    <message>
        <source>Report (báo cáo thu hoạch) received</source>
        <translation>Đã nhận báo cáo thu hoạch</translation>
    </message>
    <message>
        <source>Report received on</source>
        <translation>Ngày nhận báo cáo</translation>
    </message>
</context>
<context>
    <name>TrainingSendDialog</name>
    <message>
        <source>Send to a course</source>
        <translation>Cử đi đào tạo, bồi dưỡng</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Khóa học</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>Thêm vào danh sách</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>People sent</source>
        <translation>Người được cử đi học</translation>
    </message>
    <message>
        <source>Course starts</source>
        <translation>Ngày bắt đầu khóa học</translation>
    </message>
    <message>
        <source>Course ends</source>
        <translation>Ngày kết thúc khóa học</translation>
    </message>
    <message>
        <source>Cost per person (đồng)</source>
        <translation>Kinh phí mỗi người (đồng)</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <source>Sending decision</source>
        <translation>Quyết định cử đi học</translation>
    </message>
</context>
<context>
    <name>UnitCombo</name>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Tài khoản %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Works with the whole agency</source>
        <translation>Làm việc với toàn cơ quan</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Được đăng nhập</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Mật khẩu tạm</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>The user must choose a new password at the first sign-in.</source>
        <translation>Người dùng phải đặt mật khẩu mới khi đăng nhập lần đầu.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>WithdrawalDialog</name>
    <message>
        <source>Withdrawal of a winner</source>
        <translation>Người trúng tuyển rút hồ sơ</translation>
    </message>
    <message>
        <source>%1 (%2): the place goes to the next ranked candidate.</source>
        <translation>%1 (%2): chỉ tiêu chuyển cho người xếp kế tiếp.</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Lý do *</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Decision *</source>
        <translation>Văn bản quyết định *</translation>
    </message>
</context>
</TS>
