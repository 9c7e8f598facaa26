# Hàng nút Thư trên màn hình Đoàn và màn hình người tham dự.

letters-title = Thư:
letters-acknowledgement = Thư xác nhận
letters-visa = Hỗ trợ thị thực
letters-kind-acknowledgement = Thư xác nhận cấp thẻ
letters-kind-visa = Thư hỗ trợ thị thực
letters-writing = Đang tạo thư…
letters-failed = Không tạo được thư nào: { $error }
letters-written = Đã tạo { $count } thư ({ $kind }) tại { $path }.
letters-left-out = { $count } người không có thư, ví dụ { $name }: { $reason }.
letters-open = Mở tệp thư
