### Màn hình đăng nhập: biểu mẫu, chọn ngôn ngữ, danh sách người dùng của hội nghị mẫu (và tên vai trò, dùng cả ở màn hình người dùng).

sign-in-title = Đăng nhập
sign-in-operator = Tên đăng nhập
sign-in-password = Mật khẩu
sign-in-submit = Đăng nhập
sign-in-language = Ngôn ngữ
sign-in-open-another-directory = Mở thư mục dữ liệu khác…
sign-in-demo-intro = Đây là hội nghị mẫu. Đăng nhập bằng tài khoản:
sign-in-demo-operator = { $name } ({ $role }) — mật khẩu { $password }
sign-in-role-administrator = quản trị viên
sign-in-role-supervisor = giám sát viên
sign-in-role-clerk = cán bộ cấp thẻ
sign-in-role-gate = cán bộ kiểm soát
sign-in-role-viewer = chỉ xem
