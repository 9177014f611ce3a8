<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không mở được cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database could not be opened: %1</source>
        <translation>Không mở được cơ sở dữ liệu: %1</translation>
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
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Agency details for letterheads, catalogues, regulation data, backups and the audit log.</source>
        <translation>Thông tin cơ quan cho tiêu đề văn bản, danh mục, dữ liệu quy định, sao lưu và nhật ký thao tác.</translation>
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
        <source>Start with an empty database</source>
        <translation>Bắt đầu với cơ sở dữ liệu trống</translation>
    </message>
    <message>
        <source>Enter your own units and staff records.</source>
        <translation>Tự nhập đơn vị và hồ sơ cán bộ của cơ quan.</translation>
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
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
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
    <name>MergeUnitsDialog</name>
    <message>
        <source>Merge units</source>
        <translation>Sáp nhập đơn vị</translation>
    </message>
    <message>
        <source>Units merged (they close)</source>
        <translation>Đơn vị bị sáp nhập (thôi hoạt động)</translation>
    </message>
    <message>
        <source>Into unit</source>
        <translation>Sáp nhập vào</translation>
    </message>
    <message>
        <source>From the effective date their staff, job positions and sub-units pass to the receiving unit; their leadership posts end the day before.</source>
        <translation>Từ ngày hiệu lực, nhân sự, vị trí việc làm và đơn vị trực thuộc chuyển về đơn vị tiếp nhận; chức vụ lãnh đạo của các đơn vị này kết thúc vào ngày hôm trước.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Access denied: %1</source>
        <translation>Không có quyền truy cập: %1</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Không tìm thấy tệp: %1</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
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
        <source>Merge…</source>
        <translation>Sáp nhập…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Giải thể…</translation>
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
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview – %1</source>
        <translation>Xem trước khi in – %1</translation>
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
        <source>Social insurance number</source>
        <translation>Số sổ BHXH</translation>
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
    <name>PersonPicker</name>
    <message>
        <source>Type a name (diacritics not needed)</source>
        <translation>Gõ họ tên (không cần dấu)</translation>
    </message>
    <message>
        <source>%1, born %2 — %3</source>
        <translation>%1, sinh ngày %2 — %3</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of the application has not been built yet.</source>
        <translation>Phần này của phần mềm chưa được xây dựng.</translation>
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
        <source>Planning list (PDF)…</source>
        <translation>Danh sách quy hoạch (PDF)…</translation>
    </message>
    <message>
        <source>Planning list (Excel)…</source>
        <translation>Danh sách quy hoạch (Excel)…</translation>
    </message>
    <message>
        <source>Structure summary (PDF)…</source>
        <translation>Báo cáo cơ cấu (PDF)…</translation>
    </message>
    <message>
        <source>Structure summary (Excel)…</source>
        <translation>Báo cáo cơ cấu (Excel)…</translation>
    </message>
    <message>
        <source>Latest review: additions and removals (PDF)…</source>
        <translation>Đợt rà soát gần nhất: bổ sung, đưa ra (PDF)…</translation>
    </message>
    <message>
        <source>Latest review: additions and removals (Excel)…</source>
        <translation>Đợt rà soát gần nhất: bổ sung, đưa ra (Excel)…</translation>
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
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>In tài liệu</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Đang tạo tài liệu…</translation>
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
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
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
    <name>StaffPage</name>
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
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
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
    <name>UnitCombo</name>
    <message>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
</context>
</TS>
