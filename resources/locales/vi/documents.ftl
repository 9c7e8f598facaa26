# Các văn bản có tùy chọn --lang: báo cáo tham dự (PDF, XLSX), biên bản giao nhận thẻ cho cán bộ liên lạc, và thư gửi đại biểu.

## Dùng chung cho mọi văn bản

doc-page = Trang { $page }/{ $pages }
# Thời gian tổ chức sự kiện: "ngày 25–26 tháng 10 năm 2025".
doc-dates-same-month = ngày { $start_day }–{ $end_day } { $month } năm { $year }
doc-dates-same-year = ngày { $start_day } { $start_month } – ngày { $end_day } { $end_month } năm { $year }
doc-dates-years = { $start } – { $end }
# Giấy tờ tùy thân, như trong thư.
doc-document-passport = Hộ chiếu
doc-document-diplomatic-passport = Hộ chiếu ngoại giao
doc-document-official-passport = Hộ chiếu công vụ
doc-document-national-id = Thẻ căn cước
doc-document-laissez-passer = Giấy thông hành Liên Hợp Quốc
doc-document-other = Giấy tờ khác

## Báo cáo tham dự: tiêu đề, ô số liệu, biểu đồ và chân trang của PDF

doc-report-title = Báo cáo tham dự
doc-report-document-title = Báo cáo tham dự — { $event }
doc-report-footer = { $event } · Báo cáo tham dự · { $scope } · số liệu tính đến { $as_of } ({ $zone })
doc-report-figures-as-of = Số liệu tính đến { $moment } ({ $zone })
# Giờ và ngày: "09:00 ngày 25 tháng 10 năm 2025".
doc-report-moment = { $time } { $date }
doc-report-percent = { $percent }%
doc-report-continued = { $title } (tiếp theo)
doc-report-scope-all = Tất cả người tham dự
doc-report-scope-delegation = Đoàn { $delegation }
doc-report-scope-session-delegation = { $session } · đoàn { $delegation }
doc-report-card-invited = Được mời
doc-report-card-approved-and-invited = đã duyệt và được mời
doc-report-card-attended = Có mặt
doc-report-card-checked-in = { $count } người được lễ tân điểm danh
doc-report-card-invited-there = Được mời, có mặt
doc-report-card-of-the-invited = { $share } số được mời
doc-report-card-invited-not-there = Được mời, vắng mặt
doc-report-card-attended-not-invited = Có mặt, không được mời
doc-report-card-staff-security-media = nhân viên, an ninh, báo chí…
doc-report-card-states-at-session = Quốc gia tại phiên họp
doc-report-card-organisations-there = Tổ chức có mặt
doc-report-card-of-states-invited = trên { $count } quốc gia được mời
doc-report-card-of-organisations-invited = trên { $count } tổ chức được mời
doc-report-card-with-someone-there = đoàn có người có mặt
doc-report-card-when = Thời gian
doc-report-card-until = { $date }, đến { $time }
doc-report-card-awaiting = { $count } chờ quyết định
doc-report-card-rejected-cancelled = { $rejected } bị từ chối · { $cancelled } đã hủy
doc-report-card-badges-printed = Thẻ đã in
doc-report-card-of-the-approved = { $share } số được duyệt
doc-report-card-badges-collected = Thẻ đã nhận
doc-report-card-of-those-printed = { $share } số thẻ đã in
doc-report-card-inside-a-zone = đang ở ít nhất một khu vực
doc-report-card-states-represented = Quốc gia tham dự
doc-report-card-organisations-represented = Tổ chức tham dự
doc-report-card-of-states-registered = trên { $count } quốc gia đăng ký
doc-report-card-of-organisations-registered = trên { $count } tổ chức đăng ký
doc-report-card-sessions-attended = Phiên họp đã dự
doc-report-card-of-programme = trên { $count } phiên trong chương trình
doc-report-card-first-arrival = Lượt đến đầu tiên
doc-report-open-value = mở
doc-report-chart-empty = Chưa có ai qua điểm kiểm soát.
doc-report-chart-entries = Lượt vào: lượt đi vào bất kỳ khu vực nào
doc-report-chart-first-arrivals = Đến lần đầu: người vào lần đầu tiên

## Báo cáo tham dự: các bảng (tiêu đề trong PDF, tên trang tính và dòng tiêu đề trong XLSX)

doc-report-yes = có
doc-report-about-title = Về báo cáo này
doc-report-pipeline-title = Cấp thẻ và tham dự
doc-report-representation-title = Quốc gia và tổ chức tham dự
doc-report-categories-title = Theo loại đại biểu
doc-report-zones-title = Số người hiện có theo khu vực
doc-report-sessions-title = Các phiên họp
doc-report-delegations-title = Các đoàn
doc-report-days-title = Lượt đến theo ngày
doc-report-quarter-hours-title = Lượt đến theo 15 phút
doc-report-session-title = Phiên họp
doc-report-session-delegations-title = Các đoàn tại phiên họp
doc-report-participants-title = Người tham dự
doc-report-about-report = Báo cáo
doc-report-attendance = Tham dự
doc-report-about-event = Sự kiện
doc-report-about-venue = Địa điểm
doc-report-about-dates = Thời gian
doc-report-about-covers = Phạm vi
doc-report-about-as-of = Số liệu tính đến
doc-report-stage-nominated = Đăng ký đã nhận
doc-report-stage-pending = Chờ quyết định
doc-report-stage-approved = Đã duyệt
doc-report-stage-rejected = Bị từ chối
doc-report-stage-cancelled = Đã hủy
doc-report-stage-printed = Đã in thẻ
doc-report-stage-collected = Đã nhận thẻ
doc-report-stage-arrived = Đã đến ít nhất một lần
doc-report-stage-present = Hiện có mặt
doc-report-pipeline-note = Số người tham dự ở từng bước.
doc-report-all-states = Tất cả quốc gia
doc-report-all-organisations = Tất cả tổ chức
doc-report-representation-note = Đoàn đã đăng ký (có người được duyệt) và đã đến (có người đã vào); tổ chức không tính báo chí và nước chủ nhà.
doc-report-categories-note = Đã in và đã nhận: thẻ của người đó đã được in, đã được trao.
doc-report-zones-note = Trong khu vực: lượt qua cuối cùng của họ vào hoặc ra khu vực là lượt vào.
doc-report-sessions-note = Có mặt: vào khu vực của phiên họp từ 30 phút trước giờ bắt đầu đến khi kết thúc, hoặc được điểm danh. Được mời: đã duyệt và được mời. Trong số mời, không mời: những người có mặt.
doc-report-delegations-note = Chưa ai đến: có người được duyệt nhưng chưa ai đến.
doc-report-arrivals-note = Lượt vào: lượt đi vào bất kỳ khu vực nào. Đến lần đầu: người vào lần đầu tiên.
doc-report-session-delegations-note = Mọi đoàn được mời hoặc có người có mặt.
doc-report-participants-session-note = Mọi người được mời (và đã duyệt) hoặc có mặt.
doc-report-participants-note = Đang ở: mã khu vực. Phiên họp: số phiên họp đã dự.
doc-report-open-session = phiên họp mở
doc-report-by-invitation = Theo giấy mời
doc-report-open = Mở
doc-report-figure-session = Phiên họp
doc-report-figure-when = Thời gian
doc-report-figure-zone = Khu vực
doc-report-figure-admission = Hình thức tham dự
doc-report-figure-invited = Được mời
doc-report-figure-attended = Có mặt
doc-report-figure-attended-invited = Có mặt, được mời
doc-report-figure-attended-uninvited = Có mặt, không được mời
doc-report-figure-checked-in = Được điểm danh
doc-report-figure-states-invited = Quốc gia được mời
doc-report-figure-states-attending = Quốc gia có mặt
doc-report-figure-organisations-invited = Tổ chức được mời
doc-report-figure-organisations-attending = Tổ chức có mặt
doc-report-col-field = Mục
doc-report-col-value = Giá trị
doc-report-col-stage = Bước
doc-report-col-participants = Người tham dự
doc-report-col-kind = Loại
doc-report-col-delegations = Số đoàn
doc-report-col-registered = Đã đăng ký
doc-report-col-arrived = Đã đến
doc-report-col-delegations-arrived = Đã đến
doc-report-col-approved-people = Người được duyệt
doc-report-col-people-arrived = Người đã đến
doc-report-col-nominated = Đăng ký
doc-report-col-approved = Đã duyệt
doc-report-col-printed = Đã in
doc-report-col-collected = Đã nhận
doc-report-col-present = Có mặt
doc-report-col-code = Mã
doc-report-col-category = Loại đại biểu
doc-report-col-zone = Khu vực
doc-report-col-name = Họ tên
doc-report-col-inside = Trong khu vực
doc-report-col-session = Phiên họp
doc-report-col-when = Thời gian
doc-report-col-invited = Được mời
doc-report-col-attended = Có mặt
doc-report-col-of-invited = Trong số mời
doc-report-col-uninvited = Không mời
doc-report-col-check-ins = Điểm danh
doc-report-col-delegation = Đoàn
doc-report-col-nobody-yet = Chưa ai đến
doc-report-col-date = Ngày
doc-report-col-entries = Lượt vào
doc-report-col-first-arrivals = Đến lần đầu
doc-report-col-from = Từ
doc-report-col-figure = Chỉ số
doc-report-col-absent = Vắng mặt
doc-report-col-checked-in = Điểm danh
doc-report-col-first-arrival = Đến lần đầu
doc-report-col-status = Trạng thái
doc-report-col-inside-now = Đang ở
doc-report-col-sessions = Phiên họp
doc-report-kind-member-state = Quốc gia thành viên
doc-report-kind-observer-state = Quốc gia quan sát viên
doc-report-kind-un-entity = Cơ quan Liên Hợp Quốc
doc-report-kind-intergovernmental = Tổ chức liên chính phủ
doc-report-kind-regional = Tổ chức khu vực
doc-report-kind-financial = Tổ chức tài chính
doc-report-kind-ngo = Tổ chức phi chính phủ
doc-report-kind-academia = Giới học thuật
doc-report-kind-media = Báo chí
doc-report-kind-host = Nước chủ nhà / Ban Tổ chức
doc-report-status-nominated = Đã đăng ký
doc-report-status-approved = Đã duyệt
doc-report-status-rejected = Bị từ chối
doc-report-status-cancelled = Đã hủy

## Biên bản giao nhận thẻ (cán bộ liên lạc của đoàn)

doc-receipt-title = Biên bản giao nhận thẻ
doc-receipt-document-title = Biên bản giao nhận thẻ { $number } — { $delegation }
doc-receipt-footer = { $event } · Biên bản giao nhận thẻ số { $number } · { $delegation }
doc-receipt-number-label = Biên bản
doc-receipt-number = Số { $number }
doc-receipt-delegation = Đoàn
doc-receipt-collected-by = Người nhận
doc-receipt-identity-document = Giấy tờ tùy thân
doc-receipt-handed-over = Thời gian giao
doc-receipt-clerk = Cán bộ cấp thẻ
doc-receipt-badges = Thẻ
doc-receipt-badges-count = { $handed_over } thẻ đã trao, { $to_come } thẻ sẽ trao sau
doc-receipt-badges-handed-over = Thẻ đã trao
doc-receipt-still-to-come = Thẻ sẽ trao sau
doc-receipt-col-name = Họ tên
doc-receipt-col-category = Loại đại biểu
doc-receipt-col-serial = Số sê-ri
doc-receipt-note-awaiting-clearance = chờ thẩm tra an ninh
doc-receipt-note-not-approved = chưa được duyệt
doc-receipt-note-not-printed = chưa in thẻ
doc-receipt-statement = Cán bộ liên lạc đã nhận các thẻ nêu trên cho đoàn và sẽ trao từng thẻ cho đúng người mang thẻ.
doc-receipt-handed-over-by = Bên giao (bộ phận cấp thẻ)
doc-receipt-received-by = Bên nhận (cán bộ liên lạc)

## Thư gửi đại biểu

doc-letter-kind-acknowledgement = Thư xác nhận đăng ký đại biểu
doc-letter-kind-visa = Thư hỗ trợ xin thị thực
doc-letter-document-title = { $kind } — { $event }
doc-letter-footer = { $event } · { $kind } · người tham dự { $participant }
doc-letter-code-line = { $kind } · người tham dự { $participant }
doc-letter-code-note = Mã có chữ ký: khi quét tại bàn cấp thẻ, mã này mở hồ sơ của người tham dự. Thư này không phải là thẻ đại biểu và không có giá trị ra vào nơi tổ chức.
# Các mẫu thư mặc định. Mỗi { $name } trở thành trường {name} của mẫu mà quản trị viên có thể sửa; các đoạn cách nhau bằng một dòng trống.
doc-letter-signatory = Ban Cấp thẻ
doc-letter-acknowledgement-subject = Xác nhận đăng ký tham dự { $event }
doc-letter-acknowledgement-body =
    Kính gửi { $name },

    Ban Tổ chức { $event }, được tổ chức tại { $venue } vào { $dates }, xin xác nhận Quý vị đã được đăng ký với tư cách { $function } của đoàn { $delegation } ({ $category }).

    Đề nghị Quý vị nhận thẻ đại biểu tại bàn cấp thẻ và mang theo giấy tờ tùy thân đã dùng khi đăng ký ({ $document_type } số { $document_number }).

    Chúng tôi rất hân hạnh được đón tiếp Quý vị.
doc-letter-visa-subject = Đề nghị cấp thị thực để tham dự { $event }
doc-letter-visa-body =
    Kính gửi các cơ quan lãnh sự liên quan,

    Ban Tổ chức { $event }, được tổ chức tại { $venue } vào { $dates }, xác nhận { $name }, sinh { $date_of_birth }, quốc tịch { $nationality }, mang { $document_type } số { $document_number } có giá trị đến { $document_expiry }, đã được đăng ký với tư cách { $function } của đoàn { $delegation }.

    Chúng tôi trân trọng đề nghị Quý cơ quan tạo điều kiện cấp thị thực cần thiết để người có tên trên tham dự hội nghị.

    Thư này không có giá trị ra vào nơi tổ chức; chỉ thẻ đại biểu mới có giá trị ra vào.
