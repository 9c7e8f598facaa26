### Màn hình người dùng (quản trị viên): ai được đăng nhập, vai trò, ngôn ngữ và trạng thái của họ.

operators-title = Người dùng
operators-intro = Ai được đăng nhập, và vai trò của họ cho phép làm gì. Người dùng không bao giờ bị xóa: nhật ký kiểm toán ghi tên họ.
operators-new-name = Tên người dùng mới
operators-new-password = Mật khẩu (từ 8 ký tự trở lên)
operators-add = Thêm người dùng
operators-column-operator = Người dùng
operators-column-role = Vai trò
operators-column-language = Ngôn ngữ
operators-column-state = Trạng thái
operators-state-disabled = đã vô hiệu hóa
operators-state-locked = bị khóa do đăng nhập sai nhiều lần
operators-state-active = đang hoạt động
operators-language-default = mặc định của máy
operators-disable = Vô hiệu hóa
operators-enable = Kích hoạt
operators-set-password = Đặt mật khẩu…
operators-new-password-for = Mật khẩu mới cho { $name }:
operators-password-placeholder = từ 8 ký tự trở lên
operators-save = Lưu
operators-cancel = Hủy
operators-loading = Đang tải danh sách người dùng…
operators-added = Đã thêm { $name } ({ $role }).
operators-role-changed = { $name } nay là { $role }.
operators-enabled = { $name } có thể đăng nhập lại.
operators-disabled = { $name } không thể đăng nhập nữa.
operators-password-set = Đã đặt mật khẩu mới cho { $name }.
