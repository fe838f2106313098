"""Strings of the non-linearities page."""

EN = {
    "nonlin.intro": "A **non-linearity** is a fixed function applied to every number on its own, with no "
    "parameters to learn. Put between two affine maps, it stops them from collapsing into one "
    "(see the affine-maps page), and that is what gives a deep network its power. The usual "
    "choices are cheap to compute and have gradients that are cheap too.",
    "nonlin.fn.tanh": "tanh",
    "nonlin.fn.sigmoid": "sigmoid",
    "nonlin.fn.relu": "ReLU",
    "nonlin.fn.leaky_relu": "LeakyReLU",
    "nonlin.fn.elu": "ELU",
    "nonlin.fn.gelu": "GELU",
    "nonlin.fn.silu": "SiLU",
    "nonlin.fn.softplus": "Softplus",
    "nonlin.fn.hardtanh": "Hardtanh",
    "nonlin.curves.title": "The functions and their derivatives",
    "nonlin.curves.text": "Pick functions to overlay. The right chart is each function's derivative, "
    "computed by PyTorch's autograd (not written out by hand): it says how much a small change "
    "of the input changes the output, which is what training passes backwards.",
    "nonlin.curves.choose": "Functions",
    "nonlin.curves.range": "Draw x from −r to r",
    "nonlin.curves.point": "Mark the point x",
    "nonlin.curves.none": "Choose at least one function to draw.",
    "nonlin.curves.legend": "Function",
    "nonlin.curves.values": "f(x)",
    "nonlin.curves.slopes": "f′(x), by autograd",
    "nonlin.curves.table": "At x = {x}:",
    "nonlin.curves.formulas": "Formulas",
    "nonlin.axis.x": "input x",
    "nonlin.axis.f": "output f(x)",
    "nonlin.axis.df": "derivative f′(x)",
    "nonlin.axis.row": "row",
    "nonlin.axis.column": "column",
    "nonlin.col.function": "Function",
    "nonlin.col.pytorch": "PyTorch",
    "nonlin.col.value": "f(x)",
    "nonlin.col.grad": "f′(x) (autograd)",
    "nonlin.vanish.title": "Vanishing gradients",
    "nonlin.vanish.text": "Training sends the gradient backwards through every layer, and each layer "
    "multiplies it by its weights and by the derivative of its non-linearity. Here a stack of "
    "layers of width {width} (each a square weight matrix followed by the function) passes a "
    "gradient back from its output to its input. Sigmoid's derivative is at most 0.25, so the "
    "gradient shrinks by a factor at every layer; tanh and ReLU keep it alive.",
    "nonlin.vanish.depth": "Number of layers k",
    "nonlin.vanish.same_gain": "Same init scale for all (gain 1)",
    "nonlin.vanish.same_gain_help": "Off: each function gets PyTorch's recommended init gain "
    "(nn.init.calculate_gain: 1 for sigmoid, 5/3 for tanh, √2 for ReLU). On: all use gain 1, "
    "and even ReLU's gradient shrinks.",
    "nonlin.vanish.chart": "Size of the gradient through a stack of {depth} layers",
    "nonlin.vanish.axis_layers": "layers crossed, from the output back to the input",
    "nonlin.vanish.axis_norm": "gradient norm (log scale)",
    "nonlin.vanish.at_input": "{name}: gradient at the input",
    "nonlin.vanish.ratio": "× {ratio} of the output's",
    "nonlin.vanish.reading": "The vertical axis is logarithmic: a straight falling line means the gradient "
    "is divided by the same factor at every layer. Early layers that receive almost no gradient "
    "barely learn.",
    "nonlin.sigmoid.title": "Sigmoid's gradient as |x| grows",
    "nonlin.sigmoid.text": "σ′(x) = σ(x)(1 − σ(x)) is 0.25 at x = 0 and falls off fast on both sides "
    "(it is symmetric, so only x ≥ 0 is drawn). Once a sigmoid unit saturates, almost no "
    "gradient passes through it.",
    "nonlin.sigmoid.x": "|x|",
    "nonlin.sigmoid.chart": "σ′(x) on a log scale",
    "nonlin.sigmoid.axis_x": "|x|",
    "nonlin.sigmoid.axis_y": "σ′(x) (log scale)",
    "nonlin.sigmoid.metric": "σ′({x})",
    "nonlin.sigmoid.share": "Share of the largest value 0.25",
    "nonlin.sigmoid.note": "This is why practice prefers tanh or ReLU in hidden layers.",
    "nonlin.relu.title": "The tutorial's cell: ReLU on a random tensor",
    "nonlin.relu.text": "The tutorial draws a random 2 × 2 tensor and applies `F.relu`: every negative "
    "number becomes 0 and every positive one passes unchanged. In the tutorial this cell comes "
    "after the affine-map cell, whose random draws come first; keep the switch on and the seed "
    "at 1 to get the tutorial's numbers.",
    "nonlin.relu.rows": "Rows",
    "nonlin.relu.cols": "Columns",
    "nonlin.relu.after_affine": "Draw as in the tutorial",
    "nonlin.relu.after_affine_help": "On: nn.Linear(5, 3) and randn(2, 5) are drawn first, as in the "
    "tutorial's earlier cell. Off: the tensor is the first draw after the seed.",
    "nonlin.relu.before": "data",
    "nonlin.relu.after": "F.relu(data)",
    "nonlin.relu.zeroed": "ReLU set **{count} of {total}** numbers to 0.",
    "nonlin.quiz.title": "Predict, then reveal",
    "nonlin.quiz.question": "What is the largest value the derivative of sigmoid ever takes?",
    "nonlin.quiz.option.1": "1, like the slope of the identity",
    "nonlin.quiz.option.0.5": "0.5, since σ(0) = 0.5",
    "nonlin.quiz.option.0.25": "0.25, at x = 0",
    "nonlin.quiz.right": "Right: σ′(x) = σ(x)(1 − σ(x)) is largest at x = 0, where it is 0.5 × 0.5 = 0.25. "
    "Through k sigmoid layers the gradient picks up k such factors, so after 10 layers it can be "
    "a million times smaller: the vanishing gradient shown above.",
    "nonlin.quiz.wrong": "Not quite. Check the derivative chart above: σ′(x) = σ(x)(1 − σ(x)), and at "
    "x = 0 that is 0.5 × 0.5 = 0.25, its largest value. Every sigmoid layer multiplies the "
    "gradient by at most 0.25.",
}

ZH = {
    "nonlin.intro": "**非线性函数**是一个固定的函数，逐个作用在每一个数上，没有需要学习的参数。"
    "把它放在两个仿射映射之间，两者就不会合并成一个（见“仿射映射”页面），深度网络的表达能力正来源于此。"
    "常用的非线性函数计算简单，它们的梯度也容易计算。",
    "nonlin.fn.tanh": "tanh",
    "nonlin.fn.sigmoid": "sigmoid",
    "nonlin.fn.relu": "ReLU",
    "nonlin.fn.leaky_relu": "LeakyReLU",
    "nonlin.fn.elu": "ELU",
    "nonlin.fn.gelu": "GELU",
    "nonlin.fn.silu": "SiLU",
    "nonlin.fn.softplus": "Softplus",
    "nonlin.fn.hardtanh": "Hardtanh",
    "nonlin.curves.title": "函数及其导数",
    "nonlin.curves.text": "选择要叠加显示的函数。右图是每个函数的导数，由 PyTorch 的自动求导(autograd)"
    "计算，而不是手写公式：它表示输入的微小变化会让输出改变多少，训练时反向传播的正是这个量。",
    "nonlin.curves.choose": "函数",
    "nonlin.curves.range": "x 的绘制范围：−r 到 r",
    "nonlin.curves.point": "标记点 x",
    "nonlin.curves.none": "请至少选择一个函数。",
    "nonlin.curves.legend": "函数",
    "nonlin.curves.values": "f(x)",
    "nonlin.curves.slopes": "f′(x)，由自动求导得到",
    "nonlin.curves.table": "在 x = {x} 处：",
    "nonlin.curves.formulas": "公式",
    "nonlin.axis.x": "输入 x",
    "nonlin.axis.f": "输出 f(x)",
    "nonlin.axis.df": "导数 f′(x)",
    "nonlin.axis.row": "行",
    "nonlin.axis.column": "列",
    "nonlin.col.function": "函数",
    "nonlin.col.pytorch": "PyTorch 写法",
    "nonlin.col.value": "f(x)",
    "nonlin.col.grad": "f′(x)（自动求导）",
    "nonlin.vanish.title": "梯度消失",
    "nonlin.vanish.text": "训练时梯度要反向穿过每一层，每一层都会把它乘以该层的权重和非线性函数的导数。"
    "这里有一叠宽度为 {width} 的层（每层是一个方阵权重再接上所选函数），梯度从输出一路传回输入。"
    "sigmoid 的导数最大只有 0.25，所以梯度每经过一层都会缩小一截；tanh 和 ReLU 则能让梯度保持下来。",
    "nonlin.vanish.depth": "层数 k",
    "nonlin.vanish.same_gain": "所有函数使用相同的初始化尺度（增益 1）",
    "nonlin.vanish.same_gain_help": "关闭：每个函数使用 PyTorch 推荐的初始化增益"
    "（nn.init.calculate_gain:sigmoid 为 1,tanh 为 5/3,ReLU 为 √2）。开启：全部使用增益 1,"
    "这时连 ReLU 的梯度也会缩小。",
    "nonlin.vanish.chart": "梯度穿过 {depth} 层时的大小",
    "nonlin.vanish.axis_layers": "穿过的层数（从输出往回到输入）",
    "nonlin.vanish.axis_norm": "梯度范数（对数坐标）",
    "nonlin.vanish.at_input": "{name}：输入处的梯度",
    "nonlin.vanish.ratio": "为输出处的 {ratio} 倍",
    "nonlin.vanish.reading": "纵轴是对数坐标：一条笔直下降的线表示梯度每经过一层都被除以同一个因子。"
    "几乎收不到梯度的前几层几乎学不到东西。",
    "nonlin.sigmoid.title": "|x| 增大时 sigmoid 的梯度",
    "nonlin.sigmoid.text": "σ′(x) = σ(x)(1 − σ(x)) 在 x = 0 处为 0.25，向两侧迅速衰减"
    "（它是对称的，所以只画出 x ≥ 0 的部分）。一旦 sigmoid 单元饱和，几乎没有梯度能穿过它。",
    "nonlin.sigmoid.x": "|x|",
    "nonlin.sigmoid.chart": "对数坐标下的 σ′(x)",
    "nonlin.sigmoid.axis_x": "|x|",
    "nonlin.sigmoid.axis_y": "σ′(x)（对数坐标）",
    "nonlin.sigmoid.metric": "σ′({x})",
    "nonlin.sigmoid.share": "占最大值 0.25 的比例",
    "nonlin.sigmoid.note": "这就是实践中隐藏层更常用 tanh 或 ReLU 的原因。",
    "nonlin.relu.title": "教程中的代码：对随机张量应用 ReLU",
    "nonlin.relu.text": "教程随机生成一个 2 × 2 的张量，再对它应用 `F.relu`：所有负数变成 0，正数原样保留。"
    "在教程中，这段代码位于仿射映射那段代码之后，那段代码的随机抽样先进行；"
    "保持开关打开、种子为 1，就能得到教程中的数字。",
    "nonlin.relu.rows": "行数",
    "nonlin.relu.cols": "列数",
    "nonlin.relu.after_affine": "按教程的顺序抽样",
    "nonlin.relu.after_affine_help": "开启：先抽取 nn.Linear(5, 3) 和 randn(2, 5)，与教程前一段代码相同。"
    "关闭：这个张量是设定种子后的第一次抽样。",
    "nonlin.relu.before": "data",
    "nonlin.relu.after": "F.relu(data)",
    "nonlin.relu.zeroed": "ReLU 把 **{total} 个数中的 {count} 个**变成了 0。",
    "nonlin.quiz.title": "先预测，再揭晓",
    "nonlin.quiz.question": "sigmoid 的导数最大能取到多少？",
    "nonlin.quiz.option.1": "1，和恒等函数的斜率一样",
    "nonlin.quiz.option.0.5": "0.5，因为 σ(0) = 0.5",
    "nonlin.quiz.option.0.25": "0.25，在 x = 0 处取到",
    "nonlin.quiz.right": "正确：σ′(x) = σ(x)(1 − σ(x)) 在 x = 0 处最大，等于 0.5 × 0.5 = 0.25。"
    "梯度穿过 k 个 sigmoid 层就要乘上 k 个这样的因子，因此 10 层之后可能缩小到百万分之一："
    "这就是上面展示的梯度消失。",
    "nonlin.quiz.wrong": "不对。看看上面的导数图：σ′(x) = σ(x)(1 − σ(x))，在 x = 0 处等于 0.5 × 0.5 = 0.25,"
    "这就是它的最大值。每一个 sigmoid 层都会把梯度乘以不超过 0.25 的数。",
}
