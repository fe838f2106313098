"""Strings of the optimisation page."""

EN = {
    "optimisation.title": "Optimisation: walking down the loss",
    "optimisation.intro": "Training means walking downhill on the loss. At every step autograd gives the "
    "gradient ∇L(θ), the direction in which the loss rises fastest, and gradient descent steps the other "
    "way by an amount set by the learning rate η. Here θ holds just two numbers, so the whole landscape "
    "fits on one map: pick a surface, follow the rule one step at a time, then race the update rules of "
    "torch.optim against each other.",
    "optimisation.settings": "The landscape",
    "optimisation.surface.label": "Loss surface",
    "optimisation.surface.bowl": "Quadratic bowl",
    "optimisation.surface.rosenbrock": "Rosenbrock's valley",
    "optimisation.surface.saddle": "Saddle point",
    "optimisation.surface.classifier": "The tutorial's classifier",
    "optimisation.surface.bowl.text": "L = (x² + κ·y²) / 2. The condition number κ says how many times "
    "steeper the walls are along y than along x: with κ = 1 the bowl is round, with a large κ it is a "
    "narrow ravine. Its lowest point is (0, 0).",
    "optimisation.surface.rosenbrock.text": "L = (1 − x)² + 100·(y − x²)². A curved valley with a flat "
    "floor: easy to fall into, slow to follow to its lowest point at (1, 1).",
    "optimisation.surface.saddle.text": "L = x²/2 − y²/2 + y⁴/4. At the origin the surface curves up "
    "along x and down along y: a saddle point, where the gradient is zero although it is no minimum. "
    "The lowest points are (0, 1) and (0, −1).",
    "optimisation.surface.classifier.text": "The mean NLL loss of the tutorial's classifier on its four "
    "training sentences, as a function of two weights you choose. Every other weight and the bias keep "
    "their initial values from the seed (seed 1 is the tutorial's model), and the walk starts from the "
    "two weights' initial values.",
    "optimisation.kappa": "Condition number κ",
    "optimisation.kappa_help": "How many times steeper the bowl is along y than along x.",
    "optimisation.weight.x": "Weight on the x axis",
    "optimisation.weight.y": "Weight on the y axis",
    "optimisation.weight.label": "Label (row of A)",
    "optimisation.weight.word": "Word (column of A)",
    "optimisation.axis.weight": "weight of “{word}” for {label}",
    "optimisation.axis.x": "x",
    "optimisation.axis.y": "y",
    "optimisation.start_x": "Start x",
    "optimisation.start_y": "Start y",
    "optimisation.start_classifier": "Start: the seeded initial weights ({x}, {y}). Seed {seed} comes "
    "from the sidebar.",
    "optimisation.lr": "Learning rate η",
    "optimisation.lr_help": "The size of each step relative to the gradient. Each surface remembers "
    "its own value.",
    "optimisation.steps": "Steps",
    "optimisation.steps_help": "How many updates each rule makes.",
    "optimisation.error.same_weight": "Choose two different weights: both axes name the same entry of A.",
    "optimisation.error.settings": "These settings cannot run. Change them and try again.",
    "optimisation.manual.header": "One step at a time",
    "optimisation.manual.text": "Plain gradient descent written out by hand: autograd computes the "
    "gradient, one subtraction moves θ. Slide through the steps; the dashed segment is the move of the "
    "step shown.",
    "optimisation.manual.step": "Step k",
    "optimisation.manual.loss_before": "Loss at θₖ",
    "optimisation.manual.loss_after": "Loss at θₖ₊₁",
    "optimisation.manual.path": "SGD by hand",
    "optimisation.manual.match": "torch.optim.SGD(lr={lr}) from the same start visits the same points: "
    "the largest difference over {steps} steps is {diff}.",
    "optimisation.manual.runaway": "With η = {lr}, plain SGD runs away at step {step}: that point is no "
    "longer a usable number or lies far off the map, so the walk stops before it. Try a smaller learning rate.",
    "optimisation.manual.nothing": "The very first step already runs away at η = {lr}: lower the "
    "learning rate to see a path.",
    "optimisation.col.step": "step",
    "optimisation.col.x": "θ₁ (x)",
    "optimisation.col.y": "θ₂ (y)",
    "optimisation.col.gx": "∂L/∂θ₁",
    "optimisation.col.gy": "∂L/∂θ₂",
    "optimisation.col.loss": "loss",
    "optimisation.col.optimizer": "update rule",
    "optimisation.col.final_loss": "loss at the end",
    "optimisation.col.status": "status",
    "optimisation.status.finished": "finished {steps} steps",
    "optimisation.status.runaway": "ran away at step {step}",
    "optimisation.race.header": "The race: update rules of torch.optim",
    "optimisation.race.text": "Every rule starts from the same point with the same learning rate and "
    "makes the same number of steps. Momentum remembers past gradients and keeps rolling; Adam, RMSprop "
    "and Adagrad divide each coordinate's step by the size of its recent gradients, so steep and flat "
    "directions move at similar speeds. The same η can be too small for one rule and too large for "
    "another.",
    "optimisation.race.optimizers": "Update rules",
    "optimisation.race.none": "Pick at least one update rule to start the race.",
    "optimisation.race.runaway": "{name} ran away at step {step}: the loss or the point became NaN or "
    "infinite, or the point went more than {radius} from the centre of the map. Its path stops at its "
    "last good point, marked ✕.",
    "optimisation.race.best": "Lowest loss after {steps} steps",
    "optimisation.race.best_value": "{name}: {loss}",
    "optimisation.race.all_ran_away": "every rule ran away",
    "optimisation.chart.map": "Paths on the loss surface",
    "optimisation.chart.curve": "Loss against step",
    "optimisation.chart.loss": "loss",
    "optimisation.chart.step": "step",
    "optimisation.chart.path": "update rule",
    "optimisation.chart.caption": "Light is low loss, dark is high; the bands are spaced like contour "
    "lines. ● start, ◆ lowest point (where it is known). Hover for exact values.",
    "optimisation.opt.sgd": "SGD",
    "optimisation.opt.sgd_momentum": "SGD + momentum",
    "optimisation.opt.nesterov": "Nesterov",
    "optimisation.opt.adam": "Adam",
    "optimisation.opt.adamw": "AdamW",
    "optimisation.opt.rmsprop": "RMSprop",
    "optimisation.opt.adagrad": "Adagrad",
    "optimisation.code.manual": "PyTorch code: SGD by hand up to step {steps}",
    "optimisation.code.race": "PyTorch code: the race",
    "optimisation.code.note": "Runs on its own and prints the numbers shown on this page.",
    "optimisation.quiz.header": "Predict, then reveal",
    "optimisation.quiz.question": "On the quadratic bowl with condition number κ = {kappa}, from which "
    "learning rate on does plain SGD run away instead of settling?",
    "optimisation.quiz.a": "η > 2/κ = {value}",
    "optimisation.quiz.b": "η > 1/κ = {value}",
    "optimisation.quiz.c": "η > 2, whatever κ is",
    "optimisation.quiz.d": "Never: a bowl has a single lowest point, so SGD always gets there",
    "optimisation.quiz.correct": "Right.",
    "optimisation.quiz.wrong": "Not quite.",
    "optimisation.quiz.explain": "Along y the gradient is κ·y, so one step turns y into (1 − η·κ)·y. That "
    "shrinks only while |1 − η·κ| < 1, that is while η < 2/κ = {limit}. Along x the limit is 2, but the "
    "steep direction decides first: the larger κ, the smaller η must be, and the slower the flat x "
    "direction then moves.",
    "optimisation.quiz.demo": "Tried here with κ = {kappa}, {steps} steps from ({x}, {y}): at η = {below} "
    "SGD ends at loss {loss}; at η = {above} it runs away at step {step}.",
    "optimisation.quiz.demo_slow": "Tried here with κ = {kappa}, {steps} steps from ({x}, {y}): at "
    "η = {below} SGD ends at loss {loss}; at η = {above} the loss has grown to {high}.",
}

ZH = {
    "optimisation.title": "优化：沿着损失往下走",
    "optimisation.intro": "训练就是在损失上往下坡走。每一步，autograd 都会给出梯度 ∇L(θ)，也就是损失上升最快的方向；"
    "梯度下降则朝相反方向迈出一步，步子的大小由学习率 η 决定。这里的 θ 只有两个数，所以整个地形可以画在一张图上："
    "先选一个曲面，一步一步地跟着更新规则走，再让 torch.optim 中的各种更新规则互相比赛。",
    "optimisation.settings": "地形",
    "optimisation.surface.label": "损失曲面",
    "optimisation.surface.bowl": "二次碗形曲面",
    "optimisation.surface.rosenbrock": "Rosenbrock 山谷",
    "optimisation.surface.saddle": "鞍点",
    "optimisation.surface.classifier": "教程中的分类器",
    "optimisation.surface.bowl.text": "L = (x² + κ·y²) / 2。条件数 κ 表示沿 y 方向的坡度是沿 x 方向的多少倍："
    "κ = 1 时碗是圆的，κ 越大，碗就越像一条狭窄的峡谷。最低点是 (0, 0)。",
    "optimisation.surface.rosenbrock.text": "L = (1 − x)² + 100·(y − x²)²。一条谷底平坦的弯曲山谷："
    "掉进山谷很容易，沿着它走到最低点 (1, 1) 却很慢。",
    "optimisation.surface.saddle.text": "L = x²/2 − y²/2 + y⁴/4。在原点处，曲面沿 x 方向向上弯、沿 y 方向向下弯："
    "这是一个鞍点，梯度为零，却不是最小值。最低点是 (0, 1) 和 (0, −1)。",
    "optimisation.surface.classifier.text": "教程中的分类器在四个训练句子上的平均 NLL 损失，看作你选定的两个权重的函数。"
    "其余权重和偏置都保持随机种子给出的初始值（种子 1 就是教程中的模型），下降从这两个权重的初始值出发。",
    "optimisation.kappa": "条件数 κ",
    "optimisation.kappa_help": "碗沿 y 方向比沿 x 方向陡多少倍。",
    "optimisation.weight.x": "x 轴上的权重",
    "optimisation.weight.y": "y 轴上的权重",
    "optimisation.weight.label": "标签（A 的行）",
    "optimisation.weight.word": "词（A 的列）",
    "optimisation.axis.weight": "“{word}” 对 {label} 的权重",
    "optimisation.axis.x": "x",
    "optimisation.axis.y": "y",
    "optimisation.start_x": "起点 x",
    "optimisation.start_y": "起点 y",
    "optimisation.start_classifier": "起点：随机种子给出的初始权重 ({x}, {y})。种子 {seed} 来自侧边栏。",
    "optimisation.lr": "学习率 η",
    "optimisation.lr_help": "每一步相对于梯度的大小。每个曲面各自记住自己的取值。",
    "optimisation.steps": "步数",
    "optimisation.steps_help": "每种更新规则走多少步。",
    "optimisation.error.same_weight": "请选择两个不同的权重：两个坐标轴指向了 A 中的同一个元素。",
    "optimisation.error.settings": "这些设置无法运行，请修改后再试。",
    "optimisation.manual.header": "一步一步来",
    "optimisation.manual.text": "手写的普通梯度下降：autograd 计算梯度，一次减法移动 θ。拖动滑块逐步查看；"
    "虚线段就是当前这一步的移动。",
    "optimisation.manual.step": "第 k 步",
    "optimisation.manual.loss_before": "θₖ 处的损失",
    "optimisation.manual.loss_after": "θₖ₊₁ 处的损失",
    "optimisation.manual.path": "手写 SGD",
    "optimisation.manual.match": "从同一起点出发，torch.optim.SGD(lr={lr}) 经过的点完全相同：{steps} 步中最大的差异是 {diff}。",
    "optimisation.manual.runaway": "当 η = {lr} 时，普通 SGD 在第 {step} 步发散：那个点已不是可用的数，"
    "或者远远跑出了地图，所以路径停在它之前。请试试更小的学习率。",
    "optimisation.manual.nothing": "当 η = {lr} 时，第一步就已经发散：降低学习率才能看到路径。",
    "optimisation.col.step": "步",
    "optimisation.col.x": "θ₁ (x)",
    "optimisation.col.y": "θ₂ (y)",
    "optimisation.col.gx": "∂L/∂θ₁",
    "optimisation.col.gy": "∂L/∂θ₂",
    "optimisation.col.loss": "损失",
    "optimisation.col.optimizer": "更新规则",
    "optimisation.col.final_loss": "最终损失",
    "optimisation.col.status": "状态",
    "optimisation.status.finished": "走完 {steps} 步",
    "optimisation.status.runaway": "在第 {step} 步发散",
    "optimisation.race.header": "比赛：torch.optim 中的更新规则",
    "optimisation.race.text": "每种规则都从同一个点出发，使用相同的学习率，走相同的步数。动量会记住过去的梯度，"
    "像球一样继续滚动；Adam、RMSprop 和 Adagrad 会用每个坐标最近梯度的大小去除它的步长，所以陡峭方向和平坦方向"
    "前进的速度差不多。同一个 η，对一种规则可能太小，对另一种规则却可能太大。",
    "optimisation.race.optimizers": "更新规则",
    "optimisation.race.none": "至少选择一种更新规则，比赛才能开始。",
    "optimisation.race.runaway": "{name} 在第 {step} 步发散：损失或坐标变成了 NaN 或无穷大，或者点离地图中心超过了 {radius}。"
    "它的路径停在最后一个正常的点，用 ✕ 标出。",
    "optimisation.race.best": "{steps} 步后的最低损失",
    "optimisation.race.best_value": "{name}:{loss}",
    "optimisation.race.all_ran_away": "所有规则都发散了",
    "optimisation.chart.map": "损失曲面上的路径",
    "optimisation.chart.curve": "损失随步数的变化",
    "optimisation.chart.loss": "损失",
    "optimisation.chart.step": "步",
    "optimisation.chart.path": "更新规则",
    "optimisation.chart.caption": "颜色越浅损失越低，越深损失越高；色带的间隔与等高线相同。● 起点，◆ 最低点（已知时）。"
    "把鼠标悬停在图上可以看到精确数值。",
    "optimisation.opt.sgd": "SGD",
    "optimisation.opt.sgd_momentum": "SGD + 动量",
    "optimisation.opt.nesterov": "Nesterov",
    "optimisation.opt.adam": "Adam",
    "optimisation.opt.adamw": "AdamW",
    "optimisation.opt.rmsprop": "RMSprop",
    "optimisation.opt.adagrad": "Adagrad",
    "optimisation.code.manual": "PyTorch 代码：手写 SGD，一直到第 {steps} 步",
    "optimisation.code.race": "PyTorch 代码：这场比赛",
    "optimisation.code.note": "可以单独运行，打印出的数字与本页显示的相同。",
    "optimisation.quiz.header": "先预测，再揭晓",
    "optimisation.quiz.question": "在条件数 κ = {kappa} 的二次碗形曲面上，学习率从多大开始，普通 SGD 会发散而不是停下来？",
    "optimisation.quiz.a": "η > 2/κ = {value}",
    "optimisation.quiz.b": "η > 1/κ = {value}",
    "optimisation.quiz.c": "η > 2，与 κ 无关",
    "optimisation.quiz.d": "永远不会：碗只有一个最低点，SGD 总能走到那里",
    "optimisation.quiz.correct": "答对了。",
    "optimisation.quiz.wrong": "不太对。",
    "optimisation.quiz.explain": "沿 y 方向的梯度是 κ·y，所以一步之后 y 变成 (1 − η·κ)·y。只有当 |1 − η·κ| < 1,"
    "也就是 η < 2/κ = {limit} 时，y 才会缩小。沿 x 方向的界限是 2，但陡峭的方向先起决定作用：κ 越大，η 就必须越小，"
    "平坦的 x 方向也就走得越慢。",
    "optimisation.quiz.demo": "在这里试一试：κ = {kappa}，从 ({x}, {y}) 出发走 {steps} 步。η = {below} 时，"
    "SGD 最终的损失是 {loss};η = {above} 时，它在第 {step} 步发散。",
    "optimisation.quiz.demo_slow": "在这里试一试：κ = {kappa}，从 ({x}, {y}) 出发走 {steps} 步。η = {below} 时，"
    "SGD 最终的损失是 {loss};η = {above} 时，损失已经增长到 {high}。",
}
