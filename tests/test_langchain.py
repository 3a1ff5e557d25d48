"""LangChain's standard unit tests for chat models (`langchain-tests`), run on `ChatSNN`."""
from langchain_tests.unit_tests import ChatModelUnitTests
from snn_chat.langchain_app import ChatSNN


class TestChatSNNStandard(ChatModelUnitTests):
    @property
    def chat_model_class(self): return ChatSNN

    @property
    def chat_model_params(self): return {'model': 'snn_chat'}
