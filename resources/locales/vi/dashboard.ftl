# The organisers' dashboard (Attendance tab): its figures, arrivals chart, sessions and delegations, and the list of people behind a number.
dashboard-computing = Đang tính số liệu…
dashboard-every-session = Tất cả phiên họp
dashboard-title = Tình hình tham dự
dashboard-report-for = Báo cáo cho
dashboard-export-writing = Đang lập báo cáo { $format }…
dashboard-export-saved = Đã lưu vào { $path }
dashboard-as-of-live = Số liệu lúc { $time } ({ $zone }) · tự động cập nhật · { $event }
dashboard-as-of-simulated = Số liệu lúc { $time } ({ $zone }) · đồng hồ đặt theo ACCREDIT_NOW · { $event }

## The arrivals chart
dashboard-arrivals-title = Lượt đến theo thời gian
dashboard-legend-entries = Lượt vào (qua cửa vào mọi khu vực)
dashboard-legend-first-arrivals = Lượt đến đầu tiên
dashboard-chart-quarter-hours = Mỗi 15 phút
dashboard-chart-days = Theo ngày
dashboard-chart-empty = Chưa có ai qua điểm kiểm soát.
dashboard-chart-bar = { $when } · { $entries } lượt vào · { $first } lượt đến đầu tiên (bấm để xem danh sách)

## Column headers
dashboard-col-code = Mã
dashboard-col-delegation = Đoàn
dashboard-col-nominated = Đăng ký
dashboard-col-approved = Đã duyệt
dashboard-col-printed = Đã in
dashboard-col-collected = Đã nhận
dashboard-col-arrived = Đã đến
dashboard-col-present = Có mặt
dashboard-col-first-arrival = Đến đầu tiên
dashboard-col-kind = Loại
dashboard-col-registered = Đã ghi danh
dashboard-col-category = Loại đại biểu
dashboard-col-zone = Khu vực
dashboard-col-inside-now = Đang ở trong
dashboard-col-session = Phiên họp
dashboard-col-when = Thời gian
dashboard-col-invited = Được mời
dashboard-col-attended = Đã dự
dashboard-col-of-invited = Trong số mời
dashboard-col-uninvited = Không mời
dashboard-col-check-ins = Điểm danh

## The pipeline's cards
dashboard-percent = { $percent }%
dashboard-card-nominated = Đăng ký
dashboard-card-nominated-note = đã nhận
dashboard-card-pending = Chờ quyết định
dashboard-card-pending-note = chưa được duyệt
dashboard-card-approved = Đã duyệt
dashboard-card-approved-note = { $count } bị từ chối
dashboard-card-cleared = Đã thẩm tra
dashboard-card-printed = Thẻ đã in
dashboard-card-collected = Đã nhận thẻ
dashboard-card-arrived = Đã đến
dashboard-card-present = Đang có mặt
dashboard-card-present-note = trong một khu vực
dashboard-card-states = Quốc gia đã đến
dashboard-card-states-note = trên { $count } đã ghi danh
dashboard-share-of-approved = { $share } số đã duyệt
dashboard-share-of-printed = { $share } số thẻ đã in

## Panels
dashboard-states = Quốc gia
dashboard-organisations = Tổ chức
dashboard-over-quota =
    { $count ->
        [0] Không có đoàn nào vượt hạn ngạch.
       *[other] { $count } đoàn vượt hạn ngạch (xem Các đoàn, “Chỉ đoàn vượt hạn ngạch”).
    }
dashboard-representation-title = Quốc gia và tổ chức (đoàn)
dashboard-representation-note = Đã ghi danh: có người được duyệt. Đã đến: có người đã vào. Bấm vào số để xem danh sách.
dashboard-categories-title = Theo loại đại biểu
dashboard-zones-title = Đang có mặt theo khu vực
dashboard-sessions-title = Các phiên họp
dashboard-session-when = { $start }–{ $end } · khu vực { $zone }
dashboard-sessions-note = Đã dự: vào khu vực của phiên họp từ 30 phút trước giờ bắt đầu đến khi kết thúc, hoặc đã điểm danh. Được mời: đã được duyệt và được mời (phiên họp chỉ dành cho khách mời).
dashboard-delegations-title = Các đoàn
dashboard-nobody-arrived-only = Chỉ các đoàn chưa có ai đến ({ $count })
dashboard-delegations-shown = { $shown }/{ $total } đoàn · bấm tiêu đề cột để sắp xếp, bấm vào số để xem danh sách
dashboard-no-delegation-matches = Không có đoàn nào phù hợp.

## Kinds of delegation
dashboard-kind-member-state = Quốc gia thành viên
dashboard-kind-observer-state = Quốc gia quan sát viên
dashboard-kind-un-entity = Cơ quan Liên Hợp Quốc
dashboard-kind-intergovernmental = Tổ chức liên chính phủ
dashboard-kind-regional-organisation = Tổ chức khu vực
dashboard-kind-financial-institution = Định chế tài chính
dashboard-kind-ngo = Tổ chức phi chính phủ
dashboard-kind-academia = Giới học thuật
dashboard-kind-media = Báo chí
dashboard-kind-host = Nước chủ nhà / ban tổ chức

## The figure behind a number, as the title of its list of people
dashboard-figure-nominated = Đăng ký
dashboard-figure-pending = Chờ quyết định
dashboard-figure-approved = Đã duyệt
dashboard-figure-cleared = Đã được thẩm tra an ninh
dashboard-figure-rejected = Bị từ chối
dashboard-figure-cancelled = Đã hủy
dashboard-figure-printed = Đã in thẻ
dashboard-figure-collected = Đã nhận thẻ
dashboard-figure-arrived = Đã đến
dashboard-figure-not-arrived = Đã duyệt, chưa đến
dashboard-figure-present = Đang có mặt
dashboard-figure-inside = Đang ở { $zone }
dashboard-figure-inside-zone = Đang ở khu vực { $zone }
dashboard-figure-first-arrival-at = Đến đầu tiên lúc { $time }
dashboard-figure-first-arrival-on = Đến đầu tiên ngày { $date }
dashboard-figure-invited = Được mời · { $session }
dashboard-figure-attended = Đã dự · { $session }
dashboard-figure-attended-invited = Đã dự, được mời · { $session }
dashboard-figure-attended-uninvited = Đã dự, không được mời · { $session }
dashboard-figure-absent = Được mời, vắng mặt · { $session }
dashboard-figure-checked-in = Đã điểm danh · { $session }
dashboard-figure-unknown-session = phiên họp { $id }
dashboard-figure-of = { $figure } · { $group }

## The list of people behind a number
dashboard-close = Đóng
dashboard-people-looking = Đang tìm…
dashboard-people-count = { $count } người tham dự, theo đoàn và họ tên
dashboard-people-count-first = { $count } người tham dự; { $shown } người đầu tiên theo đoàn và họ tên
dashboard-person-first-arrival = đến đầu tiên { $time }
dashboard-person-inside = đang ở khu vực { $zones }
dashboard-status-nominated = Đã đăng ký
dashboard-status-approved = Đã duyệt
dashboard-status-rejected = Bị từ chối
dashboard-status-cancelled = Đã hủy
