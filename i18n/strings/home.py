"""Strings of the home page."""

EN = {
    "home.title": "Building Blocks Lab",
    "home.subtitle": "See and touch every idea of PyTorch's tutorial *Deep Learning Building "
    "Blocks: affine maps, non-linearities and objectives*.",
    "home.intro": "Deep learning composes affine maps with non-linearities, scores the result "
    "with an objective and lets an optimiser lower it. Each page below takes one of these "
    "ideas, explains it briefly and lets you change the numbers and watch what happens. "
    "With seed 1 the app reproduces every number the tutorial prints.",
    "home.tour": "A tour",
    "home.card.affine": "`nn.Linear` maps rows; two affine maps compose into one.",
    "home.card.nonlinearities": "tanh, sigmoid, ReLU and friends, with their gradients.",
    "home.card.softmax": "Scores into probabilities, stably, with a temperature.",
    "home.card.objectives": "NLLLoss and CrossEntropyLoss, and the classic pitfalls.",
    "home.card.optimisation": "SGD, Adam, RMSprop racing down loss surfaces.",
    "home.card.classifier": "Edit a corpus, train the tutorial's classifier, read its weights.",
    "home.card.replay": "The tutorial's own code, run here, beside the numbers it printed.",
    "home.instructors": "For instructors",
    "home.instructors_text": "Settings in the sidebar apply to every page. The language is part "
    "of the address (`?lang=zh`), so one link opens the app in Chinese for the whole room. "
    "Everyone who keeps seed 1 sees the same numbers as the tutorial and as each other.",
}

ZH = {
    "home.title": "深度学习构建模块实验室",
    "home.subtitle": "亲眼看到、亲手操作 PyTorch 教程《深度学习构建模块：仿射映射、非线性函数以及目标函数》中的每一个概念。",
    "home.intro": "深度学习把仿射映射和非线性函数组合起来，用目标函数给结果打分，再由优化器把它降低。"
    "下面每个页面讲解其中一个概念，你可以修改数字并观察变化。"
    "使用随机种子 1 时，本应用会重现教程打印的每一个数字。",
    "home.tour": "导览",
    "home.card.affine": "`nn.Linear` 按行映射；两个仿射映射的组合仍是一个仿射映射。",
    "home.card.nonlinearities": "tanh、sigmoid、ReLU 等函数及其梯度。",
    "home.card.softmax": "把分数稳定地变成概率，并可调节温度。",
    "home.card.objectives": "NLLLoss 与 CrossEntropyLoss，以及常见的陷阱。",
    "home.card.optimisation": "SGD、Adam、RMSprop 在损失曲面上竞速。",
    "home.card.classifier": "编辑语料，训练教程中的分类器，解读它的权重。",
    "home.card.replay": "在这里运行教程自己的代码，并与教程打印的数字对照。",
    "home.instructors": "给讲师的提示",
    "home.instructors_text": "侧边栏中的设置对所有页面生效。语言写在网址里(`?lang=zh`),"
    "因此一个链接就能让全场用中文打开本应用。保持种子为 1 的每个人都会看到与教程、与彼此相同的数字。",
}
