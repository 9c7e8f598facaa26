# Trao thẻ của một đoàn cho cán bộ liên lạc (trên màn hình Đoàn).
liaison-hand-over-open = Trao thẻ cho cán bộ liên lạc ({ $count } thẻ đã in)
liaison-title = Cán bộ liên lạc nhận thẻ
liaison-explanation = Các thẻ được đánh dấu sẽ trao ngay cho người này; biên nhận liệt kê các thẻ đó và các thẻ sẽ giao sau, kèm chỗ ký nhận.
liaison-chosen = Đã chọn { $chosen } / { $count } thẻ đã in
liaison-badge-line = { $name } — { $category } — thẻ số { $serial }
liaison-name-placeholder = Họ tên cán bộ liên lạc
liaison-id-placeholder = Giấy tờ tùy thân đã kiểm tra, vd: "đã xem hộ chiếu ngoại giao D1234567"
liaison-hand-over = Trao thẻ và lập biên nhận
liaison-handing-over = Đang trao thẻ…
liaison-cancel = Hủy
liaison-handed-over = Đã trao { $count } thẻ cho { $name } thay mặt đoàn; biên nhận số { $receipt } (còn { $remaining } thẻ giao sau) lưu tại { $path }.
liaison-open-receipt = Mở biên nhận
liaison-hand-over-failed = Chưa trao được thẻ nào: { $error }
