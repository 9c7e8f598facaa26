# 门禁查验界面：设置页、查验结果、特许放行、最近扫描、终端登记、数据包导出和扫描记录交回。
gate-title = 门禁查验
gate-cannot-start = 门禁查验无法启动
gate-opening = 正在打开门禁查验…
gate-no-checkpoint = 活动尚未设置检查点：请在活动设置中添加检查点
gate-package-line = 离线门禁数据包 { $path } — 持证人 { $holders } 名，由 { $by } 于 { $made } 生成
gate-sign-in-to-scan = 登录后开始扫描
gate-operator = 操作员
gate-password = 密码
gate-sign-in = 登录
gate-checkpoint = 检查点
gate-checkpoint-choice = { $checkpoint }（区域 { $zone }）
gate-direction = 方向
gate-entry = 进入
gate-exit = 离开
gate-station = 工作站
gate-station-placeholder = 本查验口名称
gate-second-language = 结果同时显示
gate-second-language-none = 无
gate-start-scanning = 开始扫描
gate-signed-in-as = 已登录：{ $name }（{ $role }）
gate-role-administrator = 管理员
gate-role-supervisor = 主管
gate-role-clerk = 办证员
gate-role-gate = 门禁查验员
gate-role-viewer = 查看者

# 扫描。
gate-place-entry = { $checkpoint } · 进入
gate-place-exit = { $checkpoint } · 离开
gate-scan-placeholder = 扫描证件
gate-change-checkpoint = 更换检查点
gate-not-checked = 未查验
gate-not-recorded = 扫描未能记录：{ $error }
gate-scan-again = 请重新扫描证件。
gate-ready = 就绪
gate-ready-hint = 请扫描证件：查验结果显示在此处。
gate-accepted = 准许通行
gate-refused = 拒绝通行
gate-let-through-headline = 特许放行
gate-override = 特许放行…
gate-override-title = 允许此人通行
gate-override-reason = 原因（必填）
gate-override-supervisor = 主管
gate-override-password = 主管密码
gate-override-submit = 放行
gate-override-cancel = 取消
gate-recent = 最近扫描
gate-recent-none = 暂无。
gate-recent-let-through = { $name } · 特许放行
gate-no-photo = 无照片
gate-holder-unknown = 本查验口无此持证人信息
gate-override-reason-by = 原因：{ $reason }（由 { $supervisor } 批准）
gate-zones = 区域
gate-badge-serial = 证件编号 { $serial }
gate-warning-revocations-minutes = 吊销名单已 { $minutes } 分钟未更新：请向主办方索取新名单（accredit gate update-revocations）
gate-warning-revocations-hours = 吊销名单已 { $hours } 小时未更新：请向主办方索取新名单（accredit gate update-revocations）
gate-warning-revocations-days = 吊销名单已 { $days } 天未更新：请向主办方索取新名单（accredit gate update-revocations）

# 查验结果。
gate-verdict-entry = 进入区域 { $zone } — { $zone_name }
gate-verdict-leaving = 离开区域 { $zone } — { $zone_name }
gate-verdict-malformed = 不是证件码 — 请重新扫描
gate-verdict-unsupported-version = 本查验口不支持此证件格式
gate-verdict-unknown-key = 证件非本活动签发 — 可能伪造
gate-verdict-bad-signature = 签名无效 — 证件伪造或被篡改
gate-verdict-wrong-event-code = 其他活动的证件（{ $event }）
gate-verdict-wrong-event = 其他活动的证件
gate-verdict-not-yet-valid-from = 证件尚未生效 — 自 { $from } 起有效
gate-verdict-not-yet-valid = 证件尚未生效
gate-verdict-expired-on = 证件已于{ $expired }过期
gate-verdict-expired = 证件已过期
gate-verdict-revoked = 证件已吊销
gate-verdict-zone-denied = 无权进入区域 { $zone } — { $zone_name }
gate-verdict-already-inside-since = 自 { $since } 起已在区内
gate-verdict-already-inside = 已在区内
gate-verdict-unknown-badge = 本查验口无此证件信息 — 请核实身份并呼叫主管
gate-verdict-not-a-badge = 这是信函，不是证件 — 不能凭此进入
gate-verdict-entry-only = 此检查点仅限进入
gate-verdict-exit-only = 此检查点仅限离开
gate-verdict-no-way-through = 此处不是区域 { $zone } — { $zone_name } 的通道
gate-verdict-let-through-by = 经 { $supervisor } 批准特许放行
gate-zone-number = 区域 { $zone }
gate-month-short = { $month }月
gate-date-time = { $year }年{ $month }{ $day }日 { $time }
gate-day-time = { $month }{ $day }日 { $time }

# 登记查验终端。
gate-enrol-title = 将本电脑登记为门禁查验终端
gate-enrol-about = 查验终端只打开由本活动根密钥签名的数据包。请输入办证台显示的根密钥指纹（accredit keys root）以从此数据包获取根密钥，或粘贴根公钥。
gate-enrol-fingerprint = 指纹，例如 3F2A 9C01 77B4 E0D2 5A6C 1188 C0DE 42F7
gate-enrol-root = …或根公钥（64 位十六进制数字）
gate-enrol-station = 工作站名称
gate-enrol-submit = 登记本电脑

# 离线门禁数据包。
gate-export-dialog = 保存门禁数据包
gate-export-title = 离线门禁数据包
gate-export-about = 供无网络的查验终端使用：其负责的检查点、每张有效证件的持证人及小照片、信任名单和吊销名单。
gate-export-fingerprint = 请用本活动的根密钥指纹登记每台查验终端：
gate-export-writing = 正在写入数据包…
gate-export-save = 保存门禁数据包…
gate-export-done = 已写入 { $file }：持证人 { $holders } 名，照片 { $photos } 张，吊销名单第 { $revocations } 版。

# 扫描记录交回办证台。
gate-scans-filter = 门禁扫描记录
gate-scans-save-dialog = 保存本查验口的扫描记录以交回办证台
gate-scans-import-dialog = 导入离线查验口的扫描记录
gate-scans-save-title = 交回办证台的扫描记录
gate-scans-save-about = 保存本查验口的扫描记录（由本工作站签名），用 U 盘带回办证台。
gate-scans-save = 保存扫描记录…
gate-scans-import-title = 离线查验口的扫描记录
gate-scans-import-about = 导入离线查验口保存的文件。只接受由本活动已登记的工作站签名且未经修改的文件。
gate-scans-import = 导入扫描记录…
gate-scans-working = 处理中…
gate-scans-saved = 已将 { $count } 条扫描记录保存到 { $file }。
gate-scans-imported = 已从工作站 { $station } 导入 { $count } 条新扫描记录（{ $already } 条已存在）。
gate-scans-refused = 扫描记录被拒绝：{ $error }
