# 各屏幕的框架（导航栏、窗口标题、状态栏）以及各屏幕共用的组件。

common-all-delegations = 全部代表团
common-all-categories = 全部类别

## 导航栏和窗口标题
common-tab-participants = 与会人员
common-tab-import = 导入
common-tab-delegations = 代表团
common-tab-print-queue = 打印队列
common-tab-vetting = 安全审查
common-tab-gate = 入口检查
common-tab-dashboard = 概览
common-tab-operators = 操作员
common-tab-settings = 设置
common-window-title-event = Accredit — { $event }
common-window-title-gate = Accredit — 入口检查
common-opening = 正在打开…
common-opening-gate = 正在打开入口检查…
common-signed-in-as = { $name }（{ $role }）
common-sign-out = 退出登录
common-role-administrator = 管理员
common-role-supervisor = 主管
common-role-clerk = 证件办理员
common-role-gate = 入口检查员
common-role-viewer = 只读用户

## 页眉中的活动日期
common-dates-same-month = { $year }年{ $month }{ $start_day }日至{ $end_day }日
common-dates-same-year = { $year }年{ $start_month }{ $start_day }日至{ $end_month }{ $end_day }日
common-dates-range = { $start }至{ $end }

## 状态栏
common-event-server = 活动服务器：{ $url }
common-data-directory = 数据：{ $path }
common-participants-count = { $count }名与会人员
common-status-participants = { $participants }：{ $counts }
common-status-count = { $status } { $count }
common-status-nominated = 已提名
common-status-approved = 已批准
common-status-rejected = 已拒绝
common-status-cancelled = 已取消
common-backed-up = 最近备份：{ $time }
common-backup-failed = 自动备份失败：{ $error }
common-counts-failed = 无法读取与会人员人数：{ $error }
common-session-refresh-failed = 设置更改后无法重新读取活动：{ $error }

## 后台任务、PDF 查看器和打印机
common-error-internal = 内部错误：操作意外中止（详情见 stderr）
common-error-not-started = 无法启动操作：{ $error }
common-error-interrupted = 操作已中断
common-viewer-missing = 无法打开 PDF：未安装 { $program }；文件位于 { $path }
common-viewer-not-started = 无法打开 PDF：{ $program } 无法启动（{ $error }）；文件位于 { $path }
common-viewer-refused = { $program } 无法打开 { $path }（{ $status }）
common-viewer-refused-said = { $program } 无法打开 { $path }（{ $status }）：{ $output }
common-printer-not-started = 无法启动 lp（{ $error }）；文件位于 { $path }
common-printer-refused = 打印机拒绝了 { $path }（{ $status }）
common-printer-refused-said = 打印机拒绝了 { $path }（{ $status }）：{ $output }

## 选择列表
common-gender-female = 女
common-gender-male = 男
common-gender-other = 其他
common-gender-not-given = 未说明
common-document-passport = 护照
common-document-diplomatic-passport = 外交护照
common-document-official-passport = 公务护照
common-document-national-id = 国民身份证
common-document-laissez-passer = 联合国通行证
common-document-other = 其他
common-layout-a6 = A6 证件
common-layout-card = ID-1 卡
common-layout-a4x4 = A4 纸（每张 4 个）
common-reprint-lost = 遗失
common-reprint-damaged = 损坏
common-reprint-data-changed = 信息变更

## 表单和证件预览
common-confirm-title = 应用此更改之前
common-apply-anyway = 仍然应用
common-cancel = 取消
common-colour-black-text = 其上文字：黑色（对比度 { $contrast }:1）
common-colour-white-text = 其上文字：白色（对比度 { $contrast }:1）
common-preview-a6 = A6（A4 × 4 中的每张证件）
common-preview-card = 卡片（ID-1）
common-preview-drawing = 正在绘制证件…
