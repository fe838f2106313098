"""Strings of the objectives page."""

EN = {
    "objectives.title": "Objective functions",
    "objectives.intro": "The objective (or loss) is the one number training makes smaller. For "
    "classification it is the negative log-likelihood: take the probability the model gives to the "
    "right class, and the loss is −log of it. A probability near 1 costs almost nothing; a probability "
    "near 0 costs a lot. So a model that is sure of a wrong answer pays the most, and minimising the "
    "loss pushes the right class's probability up.",
    "objectives.quiz.header": "Predict, then reveal",
    "objectives.quiz.question": "A model is 99% sure of a wrong class: the right class gets probability "
    "0.01. Roughly what does NLLLoss give for this example?",
    "objectives.quiz.0_01": "0.01",
    "objectives.quiz.0_99": "0.99",
    "objectives.quiz.4_6": "about 4.6",
    "objectives.quiz.100": "about 100",
    "objectives.quiz.right": "Right: −ln(0.01) = {loss}. A confident right answer (p = 0.9) costs only "
    "{small}, so this one mistake weighs as much as {ratio} confident right answers.",
    "objectives.quiz.wrong": "Not quite: the loss is −ln(0.01) = {loss}, the natural log, not the "
    "probability itself. A confident right answer (p = 0.9) costs only {small}, so this one mistake "
    "weighs as much as {ratio} confident right answers.",
    "objectives.example.header": "NLLLoss and CrossEntropyLoss on one example",
    "objectives.example.text": "nn.NLLLoss expects log-probabilities: it takes −log_probs[target] and "
    "nothing else. nn.CrossEntropyLoss takes the raw scores and applies log_softmax itself. Fed the same "
    "example, they give the same number.",
    "objectives.source": "Scores of the example",
    "objectives.source.sure_0": "Sure of class 0",
    "objectives.source.unsure": "Unsure",
    "objectives.source.sure_1": "Sure of class 1",
    "objectives.source.random": "Random (seed)",
    "objectives.source.custom": "Type your own",
    "objectives.custom": "Scores, separated by commas",
    "objectives.custom_help": "Between 2 and 12 numbers, for example 2, 1, 0.1",
    "objectives.custom_error": "These scores cannot be used. Type between 2 and 12 numbers separated by "
    "commas, for example 2, 1, 0.1",
    "objectives.error_detail": "Detail: {detail}",
    "objectives.random_note": "torch.randn(1, 4) after torch.manual_seed(seed), with the seed from the sidebar.",
    "objectives.target": "The right class (target)",
    "objectives.target_help": "The class index the loss rewards.",
    "objectives.metric.nll": "NLLLoss(log_softmax(scores))",
    "objectives.metric.ce": "CrossEntropyLoss(scores)",
    "objectives.metric.p": "Probability of the right class",
    "objectives.metric.p_help": "exp(−loss): the loss is −log of this number.",
    "objectives.equal": "The two losses agree: the difference is {difference}.",
    "objectives.chart.probabilities": "What the model says",
    "objectives.chart.curve": "Loss = −log p",
    "objectives.axis.class": "class i",
    "objectives.axis.probability": "probability",
    "objectives.axis.p_right": "probability given to the right class",
    "objectives.axis.loss": "loss = −log p",
    "objectives.legend.right": "right class",
    "objectives.legend.other": "other classes",
    "objectives.curve.current": "this example",
    "objectives.curve.reference": "p = {p}: {loss}",
    "objectives.curve.note": "The curve is flat near p = 1 and climbs without bound as p goes to 0: "
    "halving a small probability always adds the same ln 2 ≈ 0.69 to the loss.",
    "objectives.table": "The loss if each class were the right one",
    "objectives.col.class": "class i",
    "objectives.col.score": "score",
    "objectives.col.probability": "softmax",
    "objectives.col.log_probability": "log_softmax",
    "objectives.col.loss": "loss if this is the target",
    "objectives.pitfalls.header": "Pitfalls lab",
    "objectives.pitfalls.text": "Each line below runs without an error message, and most compute the "
    "wrong number. A batch of raw scores (one row per example, one column per class) and the right "
    "classes are drawn from the seed; the correct loss is nn.CrossEntropyLoss()(scores, target).",
    "objectives.pitfall": "Mistake",
    "objectives.pitfall.raw_into_nll": "Raw scores into NLLLoss",
    "objectives.pitfall.softmax_into_ce": "softmax into CrossEntropyLoss",
    "objectives.pitfall.log_softmax_twice": "log_softmax applied twice",
    "objectives.pitfall.wrong_dim": "The wrong dim",
    "objectives.pitfall.raw_into_nll.why": "NLLLoss does not compute any logarithm or softmax: it only "
    "picks −input[target] from each row. Given raw scores, it returns minus the right class's score, "
    "ignores every other class, and can even be negative, which a real negative log-likelihood never is. "
    "Training would just push that one score towards infinity.",
    "objectives.pitfall.softmax_into_ce.why": "CrossEntropyLoss applies log_softmax itself. Given "
    "probabilities (all between 0 and 1), it takes a softmax of a softmax: the differences between "
    "classes shrink, so the loss can never get close to 0 even when the model is right, and the gradient "
    "that should correct the model is weaker.",
    "objectives.pitfall.log_softmax_twice.why": "The one harmless mistake here: log_softmax subtracts "
    "log(sum(exp)) from each row, and for log-probabilities that sum is 1 and its log is 0, so the "
    "second log_softmax changes nothing and the number is right. It is still a sign of confusion (a "
    "model ending in log_softmax belongs with NLLLoss) and wasted work; softmax in its place is not "
    "harmless, as the previous mistake shows.",
    "objectives.pitfall.wrong_dim.why": "dim=0 normalises each class over the examples of the batch "
    "instead of each example over its classes. The rows are no longer probability distributions, and "
    "one example's loss now depends on the other examples in the batch. With a batch of one row, every "
    "log-probability becomes 0 and the loss is exactly 0.",
    "objectives.rows": "Examples in the batch",
    "objectives.classes": "Classes",
    "objectives.metric.right": "Right loss",
    "objectives.metric.wrong": "With the mistake",
    "objectives.metric.gap": "Difference",
    "objectives.metric.grad_right": "Gradient size, right loss",
    "objectives.metric.grad_wrong": "Gradient size, with the mistake",
    "objectives.metric.grad_help": "The L2 norm of d loss / d scores: how strongly one training step "
    "would push the scores.",
    "objectives.series.right": "right",
    "objectives.series.wrong": "with the mistake",
    "objectives.series.title": "loss",
    "objectives.axis.example": "example",
    "objectives.axis.example_loss": "loss of each example",
    "objectives.batch": "The batch: scores and the right classes",
    "objectives.col.example": "example",
    "objectives.col.target": "target",
    "objectives.col.class_score": "score of class {index}",
    "objectives.code.pitfall": "The mistake in code (it runs and prints the right loss, then the wrong one):",
    "objectives.code.header": "The PyTorch code for the example above",
    "objectives.code.caption": "It runs as it is and prints the numbers shown above.",
}

ZH = {
    "objectives.title": "目标函数",
    "objectives.intro": "目标函数（也叫损失函数）是训练过程要让它变小的那一个数。对分类问题来说，它就是负对数似然："
    "取模型给正确类别的概率，损失就是它的 −log。概率接近 1 时几乎没有损失；概率接近 0 时损失很大。"
    "所以一个对错误答案深信不疑的模型付出的代价最大，而最小化损失就会把正确类别的概率往上推。",
    "objectives.quiz.header": "先预测，再揭晓",
    "objectives.quiz.question": "一个模型有 99% 的把握认为是某个错误的类别：正确类别只得到概率 0.01。"
    "对这个样本，NLLLoss 大约是多少？",
    "objectives.quiz.0_01": "0.01",
    "objectives.quiz.0_99": "0.99",
    "objectives.quiz.4_6": "大约 4.6",
    "objectives.quiz.100": "大约 100",
    "objectives.quiz.right": "答对了：−ln(0.01) = {loss}。一个有把握的正确答案(p = 0.9)的损失只有 {small},"
    "所以这一次错误相当于 {ratio} 个有把握的正确答案的损失。",
    "objectives.quiz.wrong": "不太对：损失是 −ln(0.01) = {loss}，用的是自然对数，而不是概率本身。"
    "一个有把握的正确答案(p = 0.9)的损失只有 {small}，所以这一次错误相当于 {ratio} 个有把握的正确答案的损失。",
    "objectives.example.header": "同一个样本上的 NLLLoss 与 CrossEntropyLoss",
    "objectives.example.text": "nn.NLLLoss 期望输入的是对数概率：它只取 −log_probs[target]，别的什么都不做。"
    "nn.CrossEntropyLoss 接收原始分数，自己先做 log_softmax。对同一个样本，两者给出相同的数。",
    "objectives.source": "样本的分数",
    "objectives.source.sure_0": "确信是类别 0",
    "objectives.source.unsure": "拿不准",
    "objectives.source.sure_1": "确信是类别 1",
    "objectives.source.random": "随机（按种子）",
    "objectives.source.custom": "自己输入",
    "objectives.custom": "分数，用逗号分隔",
    "objectives.custom_help": "2 到 12 个数，例如 2, 1, 0.1",
    "objectives.custom_error": "无法使用这些分数。请输入 2 到 12 个用逗号分隔的数，例如 2, 1, 0.1",
    "objectives.error_detail": "详细信息：{detail}",
    "objectives.random_note": "先用侧边栏中的种子运行 torch.manual_seed(seed)，再运行 torch.randn(1, 4)。",
    "objectives.target": "正确的类别（目标）",
    "objectives.target_help": "损失函数所奖励的类别索引。",
    "objectives.metric.nll": "NLLLoss(log_softmax(scores))",
    "objectives.metric.ce": "CrossEntropyLoss(scores)",
    "objectives.metric.p": "正确类别的概率",
    "objectives.metric.p_help": "exp（−损失）：损失就是这个数的 −log。",
    "objectives.equal": "两个损失相同：差值为 {difference}。",
    "objectives.chart.probabilities": "模型的判断",
    "objectives.chart.curve": "损失 = −log p",
    "objectives.axis.class": "类别 i",
    "objectives.axis.probability": "概率",
    "objectives.axis.p_right": "给正确类别的概率",
    "objectives.axis.loss": "损失 = −log p",
    "objectives.legend.right": "正确类别",
    "objectives.legend.other": "其他类别",
    "objectives.curve.current": "当前样本",
    "objectives.curve.reference": "p = {p}:{loss}",
    "objectives.curve.note": "曲线在 p = 1 附近很平缓，而当 p 趋向 0 时会无限升高：一个很小的概率每减半一次，"
    "损失就增加同样的 ln 2 ≈ 0.69。",
    "objectives.table": "如果每个类别分别是正确类别，损失是多少",
    "objectives.col.class": "类别 i",
    "objectives.col.score": "分数",
    "objectives.col.probability": "softmax",
    "objectives.col.log_probability": "log_softmax",
    "objectives.col.loss": "若它是目标时的损失",
    "objectives.pitfalls.header": "常见错误实验室",
    "objectives.pitfalls.text": "下面每一行代码运行时都不会报错，但大多数算出的数是错的。按种子抽取一批原始分数"
    "（每个样本一行，每个类别一列）以及正确类别；正确的损失是 nn.CrossEntropyLoss()(scores, target)。",
    "objectives.pitfall": "错误",
    "objectives.pitfall.raw_into_nll": "把原始分数交给 NLLLoss",
    "objectives.pitfall.softmax_into_ce": "把 softmax 交给 CrossEntropyLoss",
    "objectives.pitfall.log_softmax_twice": "做了两次 log_softmax",
    "objectives.pitfall.wrong_dim": "用错了 dim",
    "objectives.pitfall.raw_into_nll.why": "NLLLoss 不做任何对数或 softmax：它只从每一行取出 −input[target]。"
    "给它原始分数，它返回的就是正确类别分数的相反数，完全忽略其他类别，甚至可能是负数，而真正的负对数似然永远不会是负数。"
    "训练只会把那一个分数推向无穷大。",
    "objectives.pitfall.softmax_into_ce.why": "CrossEntropyLoss 自己会做 log_softmax。给它概率（都在 0 到 1 之间）,"
    "它就相当于对 softmax 的结果再做一次 softmax：类别之间的差距被压缩，所以即使模型判断正确，损失也永远接近不了 0,"
    "而用来纠正模型的梯度也变弱了。",
    "objectives.pitfall.log_softmax_twice.why": "这里唯一无害的错误：log_softmax 从每一行减去 log(sum(exp)),"
    "对于对数概率，这个和是 1，它的对数是 0，所以第二次 log_softmax 什么也没改变，算出的数是对的。"
    "但这仍说明概念混淆了（以 log_softmax 结尾的模型应该配 NLLLoss），也白白多做了计算；"
    "如果换成 softmax 就不再无害了，上一个错误就说明了这一点。",
    "objectives.pitfall.wrong_dim.why": "dim=0 是对每个类别在一批样本之间做归一化，而不是对每个样本在它的各个类别之间归一化。"
    "于是每一行都不再是概率分布，一个样本的损失还会受到同一批中其他样本的影响。"
    "如果一批只有一行，每个对数概率都变成 0，损失恰好为 0。",
    "objectives.rows": "一批中的样本数",
    "objectives.classes": "类别数",
    "objectives.metric.right": "正确的损失",
    "objectives.metric.wrong": "犯了错误时",
    "objectives.metric.gap": "差值",
    "objectives.metric.grad_right": "梯度大小：正确的损失",
    "objectives.metric.grad_wrong": "梯度大小：犯了错误时",
    "objectives.metric.grad_help": "d 损失 / d 分数 的 L2 范数：一次训练步骤推动分数的力度。",
    "objectives.series.right": "正确",
    "objectives.series.wrong": "犯了错误",
    "objectives.series.title": "损失",
    "objectives.axis.example": "样本",
    "objectives.axis.example_loss": "每个样本的损失",
    "objectives.batch": "这一批数据：分数与正确类别",
    "objectives.col.example": "样本",
    "objectives.col.target": "目标",
    "objectives.col.class_score": "类别 {index} 的分数",
    "objectives.code.pitfall": "这个错误的代码（可以运行，先打印正确的损失，再打印错误的损失）:",
    "objectives.code.header": "上面这个样本对应的 PyTorch 代码",
    "objectives.code.caption": "这段代码可以直接运行，并打印出上面显示的数字。",
}
