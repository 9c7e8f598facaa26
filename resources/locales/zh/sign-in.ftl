### 登录界面：登录表单、语言选择、演示会议的操作员（以及操作员界面也使用的角色名称）。

sign-in-title = 登录
sign-in-operator = 操作员
sign-in-password = 密码
sign-in-submit = 登录
sign-in-language = 语言
sign-in-open-another-directory = 打开其他数据目录…
sign-in-demo-intro = 这是演示会议。请选择以下身份登录：
sign-in-demo-operator = { $name }（{ $role }）— 密码 { $password }
sign-in-role-administrator = 管理员
sign-in-role-supervisor = 主管
sign-in-role-clerk = 证件办理员
sign-in-role-gate = 门禁检查员
sign-in-role-viewer = 只读
