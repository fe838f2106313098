"""Strings of the tutorial replay page."""

EN = {
    "replay.title": "Tutorial replay",
    "replay.intro": "The tutorial's own code, cell by cell, run here in the tutorial's order of "
    "random draws. Next to each cell: what it printed in this run, and what the tutorial printed.",
    "replay.seed_note": "The code seeds torch itself. The seed in the sidebar replaces the "
    "tutorial's seed 1: with any other seed, every number changes, because each one depends "
    "on all the random draws before it.",
    "replay.summary": "{matching} of {total} cells print the tutorial's numbers (to 4 decimals).",
    "replay.this_run": "This run",
    "replay.tutorial": "The tutorial printed",
    "replay.match": "matches",
    "replay.differs": "differs",
    "replay.step.affine.title": "1. Affine maps: nn.Linear(5, 3) on a 2x5 batch",
    "replay.step.affine.text": "Each row of the output is the matching row of the input mapped "
    "by A plus b.",
    "replay.step.relu.title": "2. Non-linearities: ReLU",
    "replay.step.relu.text": "ReLU keeps positive entries and sets negative ones to zero.",
    "replay.step.softmax.title": "3. Softmax and log_softmax",
    "replay.step.softmax.text": "Softmax turns scores into non-negative numbers that sum to 1.",
    "replay.step.vocabulary.title": "4. The corpus and word_to_ix",
    "replay.step.vocabulary.text": "Every word of the training then test sentences gets an index "
    "in first-seen order: 26 words.",
    "replay.step.model.title": "5. The BoW classifier and its parameters",
    "replay.step.model.text": "nn.Linear(26, 2) then log_softmax: A (2x26), b, and the "
    "log-probabilities of the first training sentence.",
    "replay.step.before.title": "6. Before training",
    "replay.step.before.text": "Test sentences' log-probabilities and the weight column of "
    "“creo”.",
    "replay.step.train.title": "7. Training: 100 epochs of SGD, then after",
    "replay.step.train.text": "After training, SPANISH goes up for “Yo creo que si” and "
    "ENGLISH for “it is lost on me”.",
}

ZH = {
    "replay.title": "教程重现",
    "replay.intro": "在这里按教程的随机抽样顺序，逐个单元运行教程自己的代码。每个单元旁边是本次运行打印的结果，以及教程打印的结果。",
    "replay.seed_note": "代码会自己设置 torch 的随机种子。侧边栏中的种子会替换教程的种子 1:"
    "换成任何其他种子，每个数字都会改变，因为每个数字都依赖于它之前的所有随机抽样。",
    "replay.summary": "{total} 个单元中有 {matching} 个打印出与教程相同的数字（保留 4 位小数）。",
    "replay.this_run": "本次运行",
    "replay.tutorial": "教程打印的结果",
    "replay.match": "一致",
    "replay.differs": "不同",
    "replay.step.affine.title": "1. 仿射映射：nn.Linear(5, 3) 作用于 2x5 的批量",
    "replay.step.affine.text": "输出的每一行都是输入对应的那一行经过 A 变换再加上 b 的结果。",
    "replay.step.relu.title": "2. 非线性函数：ReLU",
    "replay.step.relu.text": "ReLU 保留正数，把负数变为零。",
    "replay.step.softmax.title": "3. Softmax 与 log_softmax",
    "replay.step.softmax.text": "Softmax 把分数变成和为 1 的非负数。",
    "replay.step.vocabulary.title": "4. 语料与 word_to_ix",
    "replay.step.vocabulary.text": "训练句子和测试句子中的每个词按首次出现的顺序得到一个索引：共 26 个词。",
    "replay.step.model.title": "5. 词袋分类器及其参数",
    "replay.step.model.text": "nn.Linear(26, 2) 接 log_softmax:A(2x26)、b，以及第一个训练句子的对数概率。",
    "replay.step.before.title": "6. 训练之前",
    "replay.step.before.text": "测试句子的对数概率，以及 “creo” 对应的权重列。",
    "replay.step.train.title": "7. 训练：100 轮 SGD，然后再看",
    "replay.step.train.text": "训练之后，“Yo creo que si” 的 SPANISH 概率上升，“it is lost on me” 的 ENGLISH 概率上升。",
}
