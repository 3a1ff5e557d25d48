"""LangChain's standard tests (`langchain-tests`) on `ChatSNN` and `SNNRetriever`: the unit tests, and the integration
tests on the real tiny set-up (configs/tiny.yaml: the real generalist, shared in runs/generalist, and the real embedding
model), one runs folder for the whole module so the experts load once."""
import pytest
from langchain_tests.integration_tests import ChatModelIntegrationTests, RetrieversIntegrationTests
from langchain_tests.unit_tests import ChatModelUnitTests
from snn_chat.langchain_app import ChatSNN, SNNRetriever


@pytest.fixture(scope='module', autouse=True)
def runs(tmp_path_factory):
    TestChatSNNIntegration.runs = TestSNNRetrieverIntegration.runs = str(tmp_path_factory.mktemp('runs'))


class TestChatSNNStandard(ChatModelUnitTests):
    @property
    def chat_model_class(self): return ChatSNN

    @property
    def chat_model_params(self): return {'model': 'snn_chat'}


class TestChatSNNIntegration(ChatModelIntegrationTests):
    runs = None
    @property
    def chat_model_class(self): return ChatSNN

    @property
    def chat_model_params(self): return {'config_path': 'tiny', 'runs_dir': self.runs, 'max_tokens': 16}


class TestSNNRetrieverIntegration(RetrieversIntegrationTests):
    runs = None
    @property
    def retriever_constructor(self): return SNNRetriever

    @property
    def retriever_constructor_params(self): return {'config_path': 'tiny', 'runs_dir': self.runs}

    @property
    def retriever_query_example(self): return 'How is energy measured?'
