"""Strings of the affine-maps page."""

EN = {
    "affine.intro": "An **affine map** is $f(x) = Ax + b$: multiply by a matrix $A$, then add a vector $b$. "
    "$A$ and $b$ are the parameters a network learns. `nn.Linear(in, out)` is exactly this map, "
    "with `weight` as $A$ and `bias` as $b$.",
    "affine.device_error": "The device {device} cannot be used here, so this page runs on the CPU.",
    "affine.axis.row": "row (one example)",
    "affine.axis.column": "column (one input feature)",
    "affine.axis.output_unit": "output feature",
    "affine.linear.title": "nn.Linear maps every row of a batch",
    "affine.linear.text": "PyTorch stores a batch with **one example per row**. `nn.Linear` maps each row on its "
    "own: row *i* of the output is $A x_i + b$, where $x_i$ is row *i* of the input. "
    "With the seed 1, sizes 5 → 3 and 2 rows you get the tutorial's numbers.",
    "affine.linear.in": "Input features (in)",
    "affine.linear.out": "Output features (out)",
    "affine.linear.rows": "Rows in the batch",
    "affine.linear.x_title": "Input X ({n} × {m})",
    "affine.linear.a_title": "Weight A ({n} × {m})",
    "affine.linear.b_title": "Bias b ({n})",
    "affine.linear.y_title": "Output XAᵀ + b ({n} × {m})",
    "affine.linear.row_title": "One output number, worked out by hand",
    "affine.linear.outline": "Outlined: row {row} of X, row {column} of A and row {row} of the output. "
    "Row {row} of the output is computed from row {row} of X alone; row {column} of A gives its "
    "column {column}.",
    "affine.linear.row": "Row of the output",
    "affine.linear.column": "Column of the output",
    "affine.linear.entry": "Output[{row}, {column}] is row {row} of X times row {column} of A, plus b[{column}]:",
    "affine.linear.by_hand": "By hand",
    "affine.linear.from_layer": "From nn.Linear",
    "affine.linear.alone_diff": "Row {row} mapped alone: largest difference",
    "affine.linear.alone_note": "Feeding only row {row} to the map gives the same row {row} of the output: "
    "the other rows of the batch play no part.",
    "affine.plane.title": "A 2-D playground",
    "affine.plane.text": "In two dimensions you can watch a map work. Choose a preset or type the four "
    "numbers of $A$ and the two of $b$: the grey grid and letter F are the plane before the map, "
    "the blue ones after it. Straight lines stay straight and parallel lines stay parallel: that is "
    "what makes a map affine.",
    "affine.plane.preset": "Preset",
    "affine.preset.identity": "Identity (nothing changes)",
    "affine.preset.rotation": "Rotation by 30°",
    "affine.preset.shear": "Shear",
    "affine.preset.scaling": "Scaling (1.5 and 0.5)",
    "affine.preset.reflection": "Reflection (mirror in the vertical axis)",
    "affine.preset.projection": "Projection onto the horizontal axis",
    "affine.preset.translation": "Translation (b only)",
    "affine.plane.det": "Determinant of A",
    "affine.det.collapse": "**det = 0**: the plane is squashed onto a line or a point, every area becomes 0, "
    "and the map cannot be undone.",
    "affine.det.flip": "**det < 0**: the plane is flipped over (the F is mirrored), and areas are multiplied "
    "by |det| = {scale}.",
    "affine.det.keep": "**det = 1**: areas stay the same and the F keeps its orientation.",
    "affine.det.grow": "**det > 1**: every area grows by the factor {scale}.",
    "affine.det.shrink": "**0 < det < 1**: every area shrinks by the factor {scale}.",
    "affine.plane.area": "Area of the F: {before} before, {after} after. The vector b only moves the "
    "shape; it never changes an area.",
    "affine.plane.before": "before the map",
    "affine.plane.after": "after the map",
    "affine.plane.chart_title": "The grid and the F under x ↦ Ax + b",
    "affine.plane.legend": "Drawn",
    "affine.compose.title": "Two affine maps in a row are one affine map",
    "affine.compose.text": "Apply $g(x) = Cx + d$ first, then the map $f(x) = Ax + b$ from the playground above. "
    "Then $f(g(x)) = A(Cx + d) + b = (AC)x + (Ad + b)$: one affine map again. Stacking "
    "`nn.Linear` layers without anything between them adds no power.",
    "affine.compose.g_label": "**The first map g(x) = Cx + d**",
    "affine.compose.single": "**The single map equal to f(g(x))**: matrix AC and vector Ad + b",
    "affine.compose.noise": "Largest difference, two steps vs one map",
    "affine.compose.noise_note": "Measured over 1,681 points of the plane. A difference this small is float "
    "rounding noise, not a real difference.",
    "affine.compose.between": "Put a non-linearity between g and f",
    "affine.between.none": "Nothing (plain f(g(x)))",
    "affine.between.tanh": "tanh",
    "affine.between.relu": "ReLU",
    "affine.between.sigmoid": "sigmoid",
    "affine.between.leaky_relu": "LeakyReLU (slope 0.1)",
    "affine.between.elu": "ELU",
    "affine.between.gelu": "GELU",
    "affine.between.silu": "SiLU",
    "affine.between.softplus": "Softplus",
    "affine.between.hardtanh": "Hardtanh",
    "affine.compose.two_steps": "f(g(x)), in two steps",
    "affine.compose.one_step": "one map (AC, Ad + b)",
    "affine.compose.chart_affine": "f after g equals one affine map",
    "affine.compose.bent": "f(non-linearity(g(x)))",
    "affine.compose.fit": "best single affine map",
    "affine.compose.chart_bent": "With a non-linearity between them",
    "affine.compose.rms": "Error of the best single affine map (RMS)",
    "affine.compose.rms_none": "With nothing between the maps, the best affine fit is exact (the error is "
    "float noise). Pick a non-linearity above to bend the grid.",
    "affine.compose.rms_bent": "The grid bends, and no single affine map can follow it: the best one "
    "(least squares, dashed red) still misses by this much. This is why networks put a non-linearity "
    "between their affine layers.",
    "affine.quiz.title": "Predict, then reveal",
    "affine.quiz.question": "You stack ten `nn.Linear` layers with nothing between them. What can the whole "
    "stack compute?",
    "affine.quiz.option.anything": "Much more than one layer: ten layers are deeper",
    "affine.quiz.option.affine": "Only an affine map: the same as a single nn.Linear",
    "affine.quiz.option.linear": "Only a linear map: the biases cancel out",
    "affine.quiz.right": "Right. Each layer is affine, and an affine map of an affine map is affine "
    "(AC and Ad + b above), so the ten layers collapse into one. Depth only helps with a "
    "non-linearity between the layers.",
    "affine.quiz.wrong.anything": "Not quite. Try it above: two maps in a row give one map with matrix AC "
    "and vector Ad + b. Ten layers collapse the same way into one affine map; only a "
    "non-linearity between them adds power.",
    "affine.quiz.wrong.linear": "Not quite. The biases do not cancel: they combine into Ad + b. The stack "
    "is one affine map, bias included, the same as a single nn.Linear.",
}

ZH = {
    "affine.intro": "**仿射映射**是 $f(x) = Ax + b$：先乘以矩阵 $A$，再加上向量 $b$。"
    "$A$ 和 $b$ 就是网络要学习的参数。`nn.Linear(in, out)` 正是这样的映射，"
    "其中 `weight` 是 $A$,`bias` 是 $b$。",
    "affine.device_error": "设备 {device} 在这里无法使用，因此本页改在 CPU 上运行。",
    "affine.axis.row": "行（一个样本）",
    "affine.axis.column": "列（一个输入特征）",
    "affine.axis.output_unit": "输出特征",
    "affine.linear.title": "nn.Linear 对批次中的每一行做映射",
    "affine.linear.text": "PyTorch 存放一个批次时**每一行是一个样本**。`nn.Linear` 对每一行单独做映射："
    "输出的第 *i* 行等于 $A x_i + b$，其中 $x_i$ 是输入的第 *i* 行。"
    "种子取 1、尺寸取 5 → 3、批次取 2 行时，得到的正是教程中的数字。",
    "affine.linear.in": "输入特征数(in)",
    "affine.linear.out": "输出特征数(out)",
    "affine.linear.rows": "批次的行数",
    "affine.linear.x_title": "输入 X({n} × {m})",
    "affine.linear.a_title": "权重 A({n} × {m})",
    "affine.linear.b_title": "偏置 b({n})",
    "affine.linear.y_title": "输出 XAᵀ + b({n} × {m})",
    "affine.linear.row_title": "手算一个输出数字",
    "affine.linear.outline": "加了黑框的是：X 的第 {row} 行、A 的第 {column} 行，以及输出的第 {row} 行。"
    "输出的第 {row} 行只由 X 的第 {row} 行算出；A 的第 {column} 行决定它的第 {column} 列。",
    "affine.linear.row": "输出的行",
    "affine.linear.column": "输出的列",
    "affine.linear.entry": "输出[{row}, {column}] 等于 X 的第 {row} 行与 A 的第 {column} 行逐项相乘再求和，加上 b[{column}]:",
    "affine.linear.by_hand": "手算结果",
    "affine.linear.from_layer": "nn.Linear 的结果",
    "affine.linear.alone_diff": "单独映射第 {row} 行：最大差值",
    "affine.linear.alone_note": "只把第 {row} 行送入映射，得到的仍是输出的第 {row} 行：批次中的其他行不起任何作用。",
    "affine.plane.title": "二维实验场",
    "affine.plane.text": "在二维平面上可以亲眼看到映射的作用。选择一个预设，或者输入 $A$ 的四个数和 $b$ 的两个数："
    "灰色的网格和字母 F 是映射之前的平面，蓝色的是映射之后的。直线仍然是直线，平行线仍然平行："
    "这正是仿射映射的特点。",
    "affine.plane.preset": "预设",
    "affine.preset.identity": "恒等映射（什么都不变）",
    "affine.preset.rotation": "旋转 30°",
    "affine.preset.shear": "剪切",
    "affine.preset.scaling": "缩放（1.5 和 0.5）",
    "affine.preset.reflection": "反射（关于竖直轴的镜像）",
    "affine.preset.projection": "投影到水平轴",
    "affine.preset.translation": "平移（只有 b）",
    "affine.plane.det": "A 的行列式",
    "affine.det.collapse": "**det = 0**：平面被压扁成一条线或一个点，所有面积都变成 0，这个映射无法还原。",
    "affine.det.flip": "**det < 0**：平面被翻转（F 变成了镜像），面积乘以 |det| = {scale}。",
    "affine.det.keep": "**det = 1**：面积保持不变，F 的朝向也不变。",
    "affine.det.grow": "**det > 1**：所有面积都放大 {scale} 倍。",
    "affine.det.shrink": "**0 < det < 1**：所有面积都缩小为原来的 {scale} 倍。",
    "affine.plane.area": "字母 F 的面积：映射前 {before}，映射后 {after}。向量 b 只会移动图形，从不改变面积。",
    "affine.plane.before": "映射之前",
    "affine.plane.after": "映射之后",
    "affine.plane.chart_title": "网格和字母 F 在 x ↦ Ax + b 下的像",
    "affine.plane.legend": "图例",
    "affine.compose.title": "连续两个仿射映射仍是一个仿射映射",
    "affine.compose.text": "先做 $g(x) = Cx + d$，再做上面实验场中的 $f(x) = Ax + b$。"
    "于是 $f(g(x)) = A(Cx + d) + b = (AC)x + (Ad + b)$：仍然只是一个仿射映射。"
    "把多个 `nn.Linear` 层直接叠在一起，中间什么都不加，并不会增加表达能力。",
    "affine.compose.g_label": "**先做的映射 g(x) = Cx + d**",
    "affine.compose.single": "**与 f(g(x)) 相等的单个映射**：矩阵 AC 与向量 Ad + b",
    "affine.compose.noise": "两步映射与单个映射的最大差值",
    "affine.compose.noise_note": "在平面上的 1,681 个点上测量。这么小的差值只是浮点舍入误差，并不是真正的差别。",
    "affine.compose.between": "在 g 和 f 之间加一个非线性函数",
    "affine.between.none": "不加(就是 f(g(x)))",
    "affine.between.tanh": "tanh",
    "affine.between.relu": "ReLU",
    "affine.between.sigmoid": "sigmoid",
    "affine.between.leaky_relu": "LeakyReLU（斜率 0.1）",
    "affine.between.elu": "ELU",
    "affine.between.gelu": "GELU",
    "affine.between.silu": "SiLU",
    "affine.between.softplus": "Softplus",
    "affine.between.hardtanh": "Hardtanh",
    "affine.compose.two_steps": "f(g(x))，分两步计算",
    "affine.compose.one_step": "单个映射(AC, Ad + b)",
    "affine.compose.chart_affine": "先 g 后 f 等于一个仿射映射",
    "affine.compose.bent": "f(非线性函数(g(x)))",
    "affine.compose.fit": "最佳的单个仿射映射",
    "affine.compose.chart_bent": "两者之间加入非线性函数",
    "affine.compose.rms": "最佳单个仿射映射的误差（均方根）",
    "affine.compose.rms_none": "两个映射之间什么都不加时，最佳仿射拟合是精确的（误差只是浮点噪声）。"
    "在上面选一个非线性函数，让网格弯曲起来。",
    "affine.compose.rms_bent": "网格弯曲了，任何单个仿射映射都无法跟上它：最好的那个（最小二乘拟合，红色虚线）"
    "仍然差这么多。这就是神经网络要在仿射层之间加入非线性函数的原因。",
    "affine.quiz.title": "先预测，再揭晓",
    "affine.quiz.question": "把十个 `nn.Linear` 层直接叠在一起，中间什么都不加。整个网络能计算什么？",
    "affine.quiz.option.anything": "比一层多得多：十层更深",
    "affine.quiz.option.affine": "只能是一个仿射映射：和单个 nn.Linear 一样",
    "affine.quiz.option.linear": "只能是一个线性映射：偏置会相互抵消",
    "affine.quiz.right": "正确。每一层都是仿射映射，仿射映射的仿射映射仍是仿射映射（见上面的 AC 和 Ad + b）,"
    "所以十层会合并成一层。只有在层与层之间加入非线性函数，深度才有意义。",
    "affine.quiz.wrong.anything": "不对。在上面试一试：连续两个映射等于一个矩阵为 AC、向量为 Ad + b 的映射。"
    "十层也会以同样的方式合并成一个仿射映射；只有层间的非线性函数才能增加表达能力。",
    "affine.quiz.wrong.linear": "不对。偏置不会抵消，而是合并成 Ad + b。整个网络是一个带偏置的仿射映射，"
    "和单个 nn.Linear 一样。",
}
