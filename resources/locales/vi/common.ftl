# Khung của mọi màn hình (thanh điều hướng, tiêu đề cửa sổ, thanh trạng thái) và các thành phần dùng chung.

common-all-delegations = Tất cả các đoàn
common-all-categories = Tất cả loại đại biểu

## Thanh điều hướng và tiêu đề cửa sổ
common-tab-participants = Người tham dự
common-tab-import = Nhập danh sách
common-tab-delegations = Đoàn
common-tab-print-queue = Hàng đợi in
common-tab-vetting = Thẩm tra an ninh
common-tab-gate = Cổng kiểm soát
common-tab-dashboard = Tổng quan
common-tab-operators = Người dùng
common-tab-settings = Cài đặt
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — Cổng kiểm soát
common-opening = Đang mở…
common-opening-gate = Đang mở cổng kiểm soát…
common-signed-in-as = { $name } ({ $role })
common-sign-out = Đăng xuất
common-role-administrator = quản trị viên
common-role-supervisor = giám sát viên
common-role-clerk = cán bộ cấp thẻ
common-role-gate = cán bộ kiểm soát
common-role-viewer = chỉ xem

## Ngày diễn ra sự kiện, ở đầu trang
common-dates-same-month = { $start_day }–{ $end_day } { $month } năm { $year }
common-dates-same-year = { $start_day } { $start_month } – { $end_day } { $end_month } năm { $year }
common-dates-range = { $start } – { $end }

## Thanh trạng thái
common-event-server = Máy chủ sự kiện: { $url }
common-data-directory = Dữ liệu: { $path }
common-participants-count = { $count } người tham dự
common-status-participants = { $participants }: { $counts }
common-status-count = { $status } { $count }
common-status-nominated = Đã đăng ký
common-status-approved = Đã duyệt
common-status-rejected = Bị từ chối
common-status-cancelled = Đã hủy
common-backed-up = Sao lưu gần nhất: { $time }
common-backup-failed = Sao lưu tự động không thành công: { $error }
common-counts-failed = Không đọc được số người tham dự: { $error }
common-session-refresh-failed = Không đọc lại được sự kiện sau khi thay đổi cài đặt: { $error }

## Tác vụ nền, trình xem PDF và máy in
common-error-internal = lỗi nội bộ: thao tác dừng đột ngột (chi tiết trong stderr)
common-error-not-started = không thể bắt đầu thao tác: { $error }
common-error-interrupted = thao tác đã bị gián đoạn
common-viewer-missing = không mở được tệp PDF: chưa cài đặt { $program }; tệp nằm tại { $path }
common-viewer-not-started = không mở được tệp PDF: không khởi động được { $program } ({ $error }); tệp nằm tại { $path }
common-viewer-refused = { $program } không mở được { $path } ({ $status })
common-viewer-refused-said = { $program } không mở được { $path } ({ $status }): { $output }
common-printer-not-started = không khởi động được lp ({ $error }); tệp nằm tại { $path }
common-printer-refused = máy in từ chối { $path } ({ $status })
common-printer-refused-said = máy in từ chối { $path } ({ $status }): { $output }

## Danh sách chọn
common-gender-female = Nữ
common-gender-male = Nam
common-gender-other = Khác
common-gender-not-given = Không nêu
common-document-passport = Hộ chiếu
common-document-diplomatic-passport = Hộ chiếu ngoại giao
common-document-official-passport = Hộ chiếu công vụ
common-document-national-id = Thẻ căn cước
common-document-laissez-passer = Giấy thông hành Liên Hợp Quốc
common-document-other = Khác
common-layout-a6 = Thẻ khổ A6
common-layout-card = Thẻ nhựa ID-1
common-layout-a4x4 = Tờ A4 (4 thẻ)
common-reprint-lost = Bị mất
common-reprint-damaged = Bị hỏng
common-reprint-data-changed = Thay đổi thông tin

## Biểu mẫu và bản xem trước thẻ
common-confirm-title = Trước khi áp dụng thay đổi này
common-apply-anyway = Vẫn áp dụng
common-cancel = Hủy
common-colour-black-text = Chữ trên nền này: đen (độ tương phản { $contrast }:1)
common-colour-white-text = Chữ trên nền này: trắng (độ tương phản { $contrast }:1)
common-preview-a6 = A6 (mỗi thẻ của tờ A4 × 4)
common-preview-card = Thẻ nhựa (ID-1)
common-preview-drawing = Đang tạo bản xem trước thẻ…
