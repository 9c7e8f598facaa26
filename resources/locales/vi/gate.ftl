# Màn hình cổng kiểm soát: trang thiết lập, kết quả kiểm tra, cho qua ngoại lệ, lượt quét gần đây, đăng ký máy, xuất gói dữ liệu và chuyển lượt quét về.
gate-title = Cổng kiểm soát
gate-cannot-start = Không thể khởi động cổng kiểm soát
gate-opening = Đang mở cổng kiểm soát…
gate-no-checkpoint = Sự kiện chưa có điểm kiểm soát nào: hãy thêm điểm kiểm soát trong phần cài đặt sự kiện
gate-package-line = Gói dữ liệu cổng ngoại tuyến { $path } — { $holders } người mang thẻ, tạo lúc { $made } bởi { $by }
gate-sign-in-to-scan = Đăng nhập để quét thẻ
gate-operator = Người dùng
gate-password = Mật khẩu
gate-sign-in = Đăng nhập
gate-checkpoint = Điểm kiểm soát
gate-checkpoint-choice = { $checkpoint } (khu vực { $zone })
gate-direction = Chiều
gate-entry = Vào
gate-exit = Ra
gate-station = Trạm
gate-station-placeholder = Tên của cổng này
gate-second-language = Hiện thêm bằng
gate-second-language-none = không
gate-start-scanning = Bắt đầu quét thẻ
gate-signed-in-as = Đã đăng nhập: { $name } ({ $role })
gate-role-administrator = quản trị viên
gate-role-supervisor = giám sát viên
gate-role-clerk = cán bộ cấp thẻ
gate-role-gate = cán bộ kiểm soát
gate-role-viewer = người xem

# Quét thẻ.
gate-place-entry = { $checkpoint } · VÀO
gate-place-exit = { $checkpoint } · RA
gate-scan-placeholder = Quét thẻ
gate-change-checkpoint = Đổi điểm kiểm soát
gate-not-checked = CHƯA KIỂM TRA
gate-not-recorded = Không ghi nhận được lượt quét: { $error }
gate-scan-again = Quét lại thẻ.
gate-ready = Sẵn sàng
gate-ready-hint = Quét thẻ: kết quả hiện tại đây.
gate-accepted = CHO VÀO
gate-refused = TỪ CHỐI
gate-let-through-headline = CHO QUA NGOẠI LỆ
gate-override = Cho qua ngoại lệ…
gate-override-title = Cho người này qua
gate-override-reason = Lý do (bắt buộc)
gate-override-supervisor = Giám sát viên
gate-override-password = Mật khẩu giám sát viên
gate-override-submit = Cho qua
gate-override-cancel = Hủy
gate-recent = Lượt quét gần đây
gate-recent-none = Chưa có.
gate-recent-let-through = { $name } · cho qua ngoại lệ
gate-no-photo = Không có ảnh
gate-holder-unknown = Cổng này không có thông tin người mang thẻ
gate-override-reason-by = Lý do: { $reason } (giám sát viên { $supervisor } cho phép)
gate-zones = Khu vực
gate-badge-serial = Thẻ số { $serial }
gate-warning-revocations-minutes = Danh sách thẻ thu hồi đã cũ { $minutes } phút: hãy đề nghị ban tổ chức cấp danh sách mới (accredit gate update-revocations)
gate-warning-revocations-hours = Danh sách thẻ thu hồi đã cũ { $hours } giờ: hãy đề nghị ban tổ chức cấp danh sách mới (accredit gate update-revocations)
gate-warning-revocations-days = Danh sách thẻ thu hồi đã cũ { $days } ngày: hãy đề nghị ban tổ chức cấp danh sách mới (accredit gate update-revocations)

# Lời của các kết quả kiểm tra.
gate-verdict-entry = Vào Khu vực { $zone } — { $zone_name }
gate-verdict-leaving = Ra khỏi Khu vực { $zone } — { $zone_name }
gate-verdict-malformed = Không phải mã thẻ — quét lại
gate-verdict-unsupported-version = Cổng này không hỗ trợ định dạng thẻ
gate-verdict-unknown-key = Thẻ không do sự kiện này ký — nghi thẻ giả
gate-verdict-bad-signature = Chữ ký không hợp lệ — thẻ giả hoặc đã bị sửa
gate-verdict-wrong-event-code = Thẻ của sự kiện khác ({ $event })
gate-verdict-wrong-event = Thẻ của sự kiện khác
gate-verdict-not-yet-valid-from = Thẻ chưa có hiệu lực — có hiệu lực từ { $from }
gate-verdict-not-yet-valid = Thẻ chưa có hiệu lực
gate-verdict-expired-on = Thẻ hết hạn lúc { $expired }
gate-verdict-expired = Thẻ đã hết hạn
gate-verdict-revoked = Thẻ đã bị thu hồi
gate-verdict-zone-denied = Không được vào Khu vực { $zone } — { $zone_name }
gate-verdict-already-inside-since = Đã ở bên trong từ { $since }
gate-verdict-already-inside = Đã ở bên trong
gate-verdict-unknown-badge = Cổng này không có thông tin thẻ — kiểm tra danh tính, gọi giám sát viên
gate-verdict-not-a-badge = Đây là thư, không phải thẻ — không được vào bằng thư
gate-verdict-entry-only = Điểm kiểm soát này chỉ dành cho chiều vào
gate-verdict-exit-only = Điểm kiểm soát này chỉ dành cho chiều ra
gate-verdict-no-way-through = Không phải lối qua Khu vực { $zone } — { $zone_name }
gate-verdict-let-through-by = Được { $supervisor } cho qua ngoại lệ
gate-zone-number = Khu vực { $zone }
gate-month-short = { $month }
gate-date-time = { $time } ngày { $day }/{ $month }/{ $year }
gate-day-time = { $time } ngày { $day }/{ $month }

# Đăng ký máy tính làm cổng.
gate-enrol-title = Đăng ký máy tính này làm cổng kiểm soát
gate-enrol-about = Cổng chỉ mở gói dữ liệu được ký bằng khóa gốc của sự kiện. Nhập dấu vân tay của khóa gốc như bàn cấp thẻ hiển thị (accredit keys root) để lấy khóa gốc từ gói này, hoặc dán khóa công khai gốc.
gate-enrol-fingerprint = Dấu vân tay, ví dụ 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …hoặc khóa công khai gốc (64 chữ số hex)
gate-enrol-station = Tên trạm
gate-enrol-submit = Đăng ký máy tính này

# Gói dữ liệu cổng ngoại tuyến.
gate-export-dialog = Lưu gói dữ liệu cổng
gate-export-title = Gói dữ liệu cổng ngoại tuyến
gate-export-about = Dành cho máy tính tại cổng không có mạng: các điểm kiểm soát của cổng, người mang mọi thẻ còn hiệu lực kèm ảnh nhỏ, danh sách tin cậy và danh sách thẻ thu hồi.
gate-export-fingerprint = Đăng ký từng máy tính tại cổng bằng dấu vân tay khóa gốc của sự kiện này:
gate-export-writing = Đang ghi gói dữ liệu…
gate-export-save = Lưu gói dữ liệu cổng…
gate-export-done = Đã ghi { $file }: { $holders } người mang thẻ, { $photos } ảnh, danh sách thu hồi số { $revocations }.

# Chuyển lượt quét về bàn cấp thẻ.
gate-scans-filter = Lượt quét tại cổng
gate-scans-save-dialog = Lưu lượt quét của cổng này để chuyển về bàn cấp thẻ
gate-scans-import-dialog = Nhập lượt quét của một cổng ngoại tuyến
gate-scans-save-title = Lượt quét chuyển về bàn cấp thẻ
gate-scans-save-about = Lưu các lượt quét của cổng này, có chữ ký của trạm, để mang về bàn cấp thẻ bằng USB.
gate-scans-save = Lưu lượt quét…
gate-scans-import-title = Lượt quét từ các cổng ngoại tuyến
gate-scans-import-about = Nhập tệp do một cổng ngoại tuyến lưu. Chỉ nhận tệp có chữ ký của một trạm đã được sự kiện đăng ký và không bị sửa đổi.
gate-scans-import = Nhập lượt quét…
gate-scans-working = Đang xử lý…
gate-scans-saved = Đã lưu { $count } lượt quét vào { $file }.
gate-scans-imported = Đã nhập { $count } lượt quét mới ({ $already } lượt đã có) từ trạm { $station }.
gate-scans-refused = Không nhận tệp lượt quét: { $error }
