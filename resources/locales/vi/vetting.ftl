# The Security vetting screen (supervisors): sending batches to the host's security service, importing its answers, the batches still waiting.
vetting-title = Thẩm tra an ninh
vetting-not-allowed = { $name } ({ $role }) không có quyền thực hiện thẩm tra an ninh.
vetting-loading = Đang tải…
vetting-rule-off = Không yêu cầu cơ quan an ninh nước chủ nhà thẩm tra. Quản trị viên thay đổi thiết lập này trong mục Cài đặt.
vetting-rule-all = Mọi loại đại biểu đều phải được cơ quan an ninh nước chủ nhà thẩm tra. Quản trị viên thay đổi thiết lập này trong mục Cài đặt.
vetting-rule-categories = Các loại đại biểu { $categories } phải được cơ quan an ninh nước chủ nhà thẩm tra. Quản trị viên thay đổi thiết lập này trong mục Cài đặt.

## Sending a batch
vetting-send-title = Gửi một đợt
vetting-only-not-sent = Chỉ những người chưa gửi
vetting-with-photos = Kèm ảnh trong tệp ZIP
vetting-xlsx = XLSX (nếu không thì CSV)
vetting-send = Gửi đợt
vetting-sending = Đang gửi…
vetting-send-note = Danh sách gồm mọi người cần thẩm tra mà chưa có kết quả cuối cùng; họ được đánh dấu là đã gửi, trong cùng một đợt.
vetting-sent = Đợt { $batch }: đã ghi { $count } người tham dự vào { $file }.
vetting-sent-with-photos = Đợt { $batch }: đã ghi { $count } người tham dự vào { $file }, { $photos } ảnh vào { $photos_file }.
vetting-not-sent = Chưa gửi được đợt nào: { $error }

## Importing the answers
vetting-answers-title = Nhập kết quả thẩm tra
vetting-answers-placeholder = Đường dẫn tệp kết quả (CSV hoặc XLSX), ví dụ /home/desk/Downloads/vetting-answers.xlsx
vetting-path-first = Hãy gõ đường dẫn tệp kết quả trước.
vetting-check = Kiểm tra
vetting-checking = Đang kiểm tra…
vetting-apply = Áp dụng kết quả
vetting-applying = Đang áp dụng…
vetting-nothing-changed = Chưa thay đổi gì: { $error }
vetting-report-checked = Đã kiểm tra, chưa ghi gì: { $rows } dòng: { $cleared } đạt, { $refused } bị từ chối, { $more } cần bổ sung thông tin, { $unchanged } không đổi, { $unanswered } chưa có kết quả, { $problems } lỗi.
vetting-report-applied = Đã áp dụng: { $rows } dòng: { $cleared } đạt, { $refused } bị từ chối, { $more } cần bổ sung thông tin, { $unchanged } không đổi, { $unanswered } chưa có kết quả, { $problems } lỗi.
vetting-revoked = Thẻ bị thu hồi do không đạt thẩm tra: { $serials }
vetting-line = Dòng { $line }: { $reference } — { $reason }

## The batches
vetting-batches-title = Các đợt đã gửi
vetting-refresh = Làm mới
vetting-no-batch = Chưa gửi đợt nào.
vetting-col-batch = Đợt
vetting-col-age = Đã qua
vetting-col-sent-by = Người gửi
vetting-col-people = Số người
vetting-col-waiting = Đang chờ
vetting-col-cleared = Đạt
vetting-col-refused = Từ chối
vetting-col-more-info = Cần bổ sung
vetting-col-file = Tệp
vetting-age-just-now = vừa xong
vetting-age-minutes = { $count } phút
vetting-age-hours = { $count } giờ
vetting-age-days = { $count } ngày
