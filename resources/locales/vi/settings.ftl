# Settings screen: event and badge, categories, zones, checkpoints, sessions, delegations, vetting and letters.

## The screen and what its sections share

settings-section-event = Sự kiện và thẻ
settings-section-categories = Loại đại biểu
settings-section-zones = Khu vực
settings-section-checkpoints = Điểm kiểm soát
settings-section-sessions = Phiên họp
settings-section-delegations = Đoàn
settings-section-vetting = Thẩm tra và thư
settings-read-only = { $name } ({ $role }) chỉ được xem phần thiết lập; chỉ quản trị viên mới được thay đổi.
settings-role-administrator = quản trị viên
settings-role-supervisor = giám sát viên
settings-role-clerk = cán bộ cấp thẻ
settings-role-gate = cán bộ kiểm soát cổng
settings-role-viewer = người xem
settings-loading = Đang đọc thiết lập…
settings-save = Lưu
settings-remove = Xóa
settings-saving = Đang lưu…
settings-badge-preview = Xem trước thẻ
settings-sample-long-name = Tên dài
settings-sample-arabic-name = Tên tiếng Ả Rập

## Event and badge

settings-event-code = Mã (được ký vào mọi thẻ)
settings-event-name = Tên
settings-event-venue = Địa điểm
settings-event-time-zone = Múi giờ
settings-event-first-day = Ngày đầu
settings-event-last-day = Ngày cuối
settings-event-badges-from = Thẻ có hiệu lực từ (giờ địa phương)
settings-event-badges-until = Thẻ có hiệu lực đến (giờ địa phương)
settings-event-title-band = Dải tiêu đề (để trống: tên sự kiện)
settings-event-footer = Dòng chân thẻ
settings-event-band-colour = Màu dải tiêu đề
settings-event-default-layout = Khổ thẻ mặc định
settings-event-layout-a6 = a6
settings-event-layout-card = thẻ nhựa
settings-event-layout-a4x4 = a4x4
settings-event-logo = Logo (bên trái dải tiêu đề)
settings-event-logo-new = Ảnh mới, { $size } KB — chưa lưu
settings-event-logo-stored = Ảnh { $size } KB
settings-event-logo-removed = Không có — đã bỏ, chưa lưu
settings-event-logo-none = Không có
settings-event-logo-choose = Chọn ảnh…
settings-event-logo-dialog = Chọn logo của sự kiện
settings-event-logo-filter = Ảnh
settings-event-undo = Hoàn tác thay đổi
settings-event-preview-note = Người tham dự mẫu, không có ảnh, được vẽ bằng chính phần mềm dùng để in thẻ. Thiết lập chưa lưu được hiển thị ở đây trước.
settings-event-nothing-to-change = Không có gì thay đổi.
settings-event-saved = Đã lưu: { $settings }.
settings-event-saved-new-key = Đã lưu: { $settings }. Một khóa ký mới ({ $key }) áp dụng cho thời hạn hiệu lực mới của thẻ: hãy cấp danh sách tin cậy mới cho các cổng kiểm soát.
settings-event-changed-code = mã
settings-event-changed-name = tên
settings-event-changed-venue = địa điểm
settings-event-changed-time-zone = múi giờ
settings-event-changed-start-date = ngày đầu
settings-event-changed-end-date = ngày cuối
settings-event-changed-badge-valid-from = hiệu lực thẻ từ
settings-event-changed-badge-valid-until = hiệu lực thẻ đến
settings-event-changed-title-band = dải tiêu đề
settings-event-changed-footer = dòng chân thẻ
settings-event-changed-band-colour = màu dải tiêu đề
settings-event-changed-default-layout = khổ thẻ mặc định
settings-event-changed-logo = logo

## Categories

settings-category-title = Loại đại biểu
settings-category-new = Loại mới
settings-category-edit = Sửa loại đại biểu
settings-category-line = khu vực { $zones } · { $count } người tham dự
settings-category-zones-none = không có
settings-category-code = Mã
settings-category-name = Tên (in trên thẻ)
settings-category-name-example = Đại biểu
settings-category-colour = Màu
settings-category-default-zones = Khu vực mặc định
settings-category-order = Thứ tự
settings-category-quota = Hạn ngạch mặc định mỗi đoàn
settings-category-quota-none = không có
settings-category-added = Đã thêm loại đại biểu { $code }.
settings-category-saved = Đã lưu loại đại biểu { $code }.
settings-category-removed = Đã xóa loại đại biểu { $code }.
settings-category-to-reprint = { $count } thẻ cần in lại (lý do data-change):
settings-category-badge-zones = thẻ ghi khu vực { $carries }, cần mở { $opens }
settings-category-badge-zones-not-printed = thẻ ghi khu vực { $carries }, cần mở { $opens } (chưa in)
settings-category-badges-more = … và { $count } thẻ khác (lệnh accredit categories edit CODE --list-affected liệt kê tất cả)

## Zones

settings-zone-title = Khu vực
settings-zone-new = Khu vực mới
settings-zone-heading = Khu vực { $number }
settings-zone-number-note = Thẻ mang và in số khu vực: mỗi khu vực giữ nguyên số của mình; mã và tên có thể thay đổi.
settings-zone-number = Số (1–64)
settings-zone-code = Mã
settings-zone-name = Tên (hiển thị tại cổng kiểm soát)
settings-zone-name-example = Phòng chờ VIP
settings-zone-not-used = chưa sử dụng
settings-zone-used-by-categories = loại đại biểu { $categories }
settings-zone-used-by-checkpoints = { $count } điểm kiểm soát
settings-zone-used-by-sessions = { $count } phiên họp
settings-zone-used-by-badges = { $count } thẻ
settings-zone-added = Đã thêm khu vực { $number } { $code }.
settings-zone-saved = Đã lưu khu vực { $number } { $code }.
settings-zone-removed = Đã xóa khu vực { $number }.

## Checkpoints

settings-checkpoint-title = Điểm kiểm soát
settings-checkpoint-new = Điểm kiểm soát mới
settings-checkpoint-edit = Sửa điểm kiểm soát
settings-checkpoint-none-yet = Chưa có điểm kiểm soát: hãy thêm các cửa ra vào của địa điểm, mỗi cửa kèm khu vực mà cửa đó dẫn vào.
settings-checkpoint-line = khu vực { $zone } · { $directions }
settings-checkpoint-name-label = Tên
settings-checkpoint-name-example = Cổng A — lối vào chính
settings-checkpoint-zone = Khu vực dẫn vào
settings-checkpoint-directions = Chiều qua cửa
settings-checkpoint-both-ways = Vào và ra
settings-checkpoint-entry-only = Chỉ vào
settings-checkpoint-exit-only = Chỉ ra
settings-checkpoint-added = Đã thêm điểm kiểm soát “{ $name }”.
settings-checkpoint-saved = Đã lưu điểm kiểm soát “{ $name }”.
settings-checkpoint-removed = Đã xóa điểm kiểm soát “{ $name }”.

## Sessions

settings-session-title = Phiên họp
settings-session-new = Phiên họp mới
settings-session-edit = Sửa phiên họp
settings-session-none-yet = Chưa có phiên họp: hãy thêm chương trình (khai mạc, phiên toàn thể, lễ ký kết…).
settings-session-line = { $start } – { $end } · khu vực { $zone }
settings-session-line-by-invitation = { $start } – { $end } · khu vực { $zone } · theo giấy mời
settings-session-name-label = Tên
settings-session-name-example = Lễ khai mạc
settings-session-zone = Khu vực
settings-session-start = Bắt đầu ({ $time_zone })
settings-session-end = Kết thúc
settings-session-time-placeholder = YYYY-MM-DDTHH:MM
settings-session-invitation-only = Chỉ theo giấy mời
settings-session-delegations-invited = Đoàn được mời: { $count }
settings-session-filter-delegations = Lọc đoàn
settings-session-participants-invited = Người tham dự được mời: { $count }
settings-session-participant-id = người tham dự { $id }
settings-session-find-participant = Tìm người tham dự theo tên hoặc giấy tờ
settings-session-find = Tìm
settings-session-finding = Đang tìm…
settings-session-invite = Mời
settings-session-invited = Đã mời
settings-session-added = Đã thêm phiên họp “{ $name }”.
settings-session-saved = Đã lưu phiên họp “{ $name }”.
settings-session-removed = Đã xóa phiên họp “{ $name }”.

## Delegations

settings-delegation-title = Đoàn ({ $count })
settings-delegation-new-custom = Đoàn mới (tự nhập)
settings-delegation-filter = Lọc theo mã hoặc tên
settings-delegation-none-yet = Chưa có đoàn: hãy thêm từ danh mục tham chiếu bên phải.
settings-delegation-reference-title = Thêm từ danh mục tham chiếu
settings-delegation-reference-search = Tìm trong { $count } quốc gia và các tổ chức thường gặp (ví dụ: cote, unodc)
settings-delegation-reference-add = Thêm
settings-delegation-reference-added = Đã thêm
settings-delegation-reference-none = Không có trong danh mục: hãy nhập bên dưới như một đoàn tự nhập.
settings-delegation-new = Đoàn mới
settings-delegation-edit = Sửa thông tin đoàn
settings-delegation-code = Mã
settings-delegation-name = Tên (in trên thẻ)
settings-delegation-kind = Loại hình
settings-delegation-focal-point = Đầu mối liên hệ
settings-delegation-focal-point-email = Email của đầu mối
settings-delegation-quotas = Hạn ngạch theo loại đại biểu (để trống: mặc định của loại)
settings-delegation-quota-default = { $quota } (mặc định)
settings-delegation-quota-none = không có
settings-delegation-added = Đã thêm đoàn { $code } ({ $name }).
settings-delegation-saved = Đã lưu đoàn { $code } ({ $name }).
settings-delegation-removed = Đã xóa đoàn { $code } ({ $name }).
settings-delegation-kind-member-state = Quốc gia thành viên
settings-delegation-kind-observer-state = Quốc gia quan sát viên
settings-delegation-kind-un-entity = Cơ quan Liên Hợp Quốc
settings-delegation-kind-intergovernmental = Tổ chức liên chính phủ
settings-delegation-kind-regional = Tổ chức khu vực
settings-delegation-kind-financial = Định chế tài chính
settings-delegation-kind-ngo = Tổ chức phi chính phủ
settings-delegation-kind-academia = Giới học thuật
settings-delegation-kind-media = Báo chí
settings-delegation-kind-host = Nước chủ nhà / Ban tổ chức

## Vetting and letters

settings-clearance-title = Thẩm tra an ninh
settings-clearance-help = Cơ quan an ninh nước chủ nhà có phải thẩm tra người tham dự trước khi in hoặc trao thẻ hay không: off (không), all (tất cả), hoặc các mã loại đại biểu cách nhau bằng dấu ; (ví dụ MED;SEC).
settings-clearance-required = Yêu cầu thẩm tra
settings-clearance-placeholder = off, all, hoặc MED;SEC
settings-clearance-save = Lưu thiết lập thẩm tra
settings-clearance-saved-off = Đã lưu: không yêu cầu thẩm tra an ninh.
settings-clearance-saved-all = Đã lưu: mọi loại đại biểu đều phải thẩm tra an ninh.
settings-clearance-saved-categories = Đã lưu: yêu cầu thẩm tra an ninh đối với { $categories }.
settings-letter-title = Thư gửi đại biểu
settings-letter-kind-acknowledgement = Thư xác nhận đăng ký
settings-letter-kind-visa = Thư hỗ trợ thị thực
settings-letter-subject = Tiêu đề
settings-letter-subject-placeholder = Dòng tiêu đề
settings-letter-body = Nội dung (các đoạn cách nhau bằng một dòng trống)
settings-letter-signatory = Người ký
settings-letter-signatory-placeholder = ví dụ: Văn phòng Cấp thẻ
settings-letter-placeholders = Trường thay thế: { $placeholders }
settings-letter-save = Lưu mẫu thư
settings-letter-saved-acknowledgement = Đã lưu: mẫu thư xác nhận đăng ký.
settings-letter-saved-visa = Đã lưu: mẫu thư hỗ trợ thị thực.
settings-letter-placeholder-name = họ tên như in trên thẻ
settings-letter-placeholder-given-names = tên
settings-letter-placeholder-family-name = họ
settings-letter-placeholder-function = chức vụ hoặc chức danh
settings-letter-placeholder-delegation = tên đoàn
settings-letter-placeholder-category = tên loại đại biểu trên thẻ
settings-letter-placeholder-nationality = quốc tịch (mã ISO)
settings-letter-placeholder-date-of-birth = ngày sinh
settings-letter-placeholder-document-type = loại giấy tờ tùy thân
settings-letter-placeholder-document-number = số giấy tờ tùy thân
settings-letter-placeholder-document-expiry = ngày hết hạn giấy tờ tùy thân
settings-letter-placeholder-event = tên sự kiện
settings-letter-placeholder-venue = địa điểm
settings-letter-placeholder-dates = thời gian diễn ra sự kiện
settings-documents-language = Thư, biên nhận và báo cáo được viết bằng
settings-documents-language-help = Văn bản tiếng Việt và tiếng Pháp đã được dịch; các ngôn ngữ khác cho văn bản tiếng Anh. Tham số --lang của lệnh chọn ngôn ngữ khác cho từng văn bản.
settings-documents-language-saved = Từ nay văn bản được viết bằng { $language }.
